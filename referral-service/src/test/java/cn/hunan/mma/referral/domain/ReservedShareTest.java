package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.value.DivisionCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReservedShareTest {

    private final ReservedShare share = new ReservedShare(new BigDecimal("0.20"), Map.of("430100", new BigDecimal("0.25")));

    @Test
    void an_expert_session_holds_the_citys_share_rounded_down_unless_the_hospital_reserved_more() {
        DivisionCode xiangtanCounty = DivisionCode.of("430321");

        assertThat(share.reservedFor(20, 0, true, xiangtanCounty)).isEqualTo(4);   // 20% of 20
        assertThat(share.reservedFor(12, 0, true, xiangtanCounty)).isEqualTo(2);   // 2.4 rounds down
        assertThat(share.reservedFor(10, 5, true, xiangtanCounty)).isEqualTo(5);   // the hospital holds more
    }

    @Test
    void a_city_with_its_own_share_overrides_the_default() {
        assertThat(share.reservedFor(20, 0, true, DivisionCode.of("430102"))).isEqualTo(5); // 25% in 长沙
    }

    @Test
    void an_ordinary_session_keeps_only_what_the_hospital_reserved() {
        assertThat(share.reservedFor(20, 1, false, DivisionCode.of("430321"))).isEqualTo(1);
    }
}

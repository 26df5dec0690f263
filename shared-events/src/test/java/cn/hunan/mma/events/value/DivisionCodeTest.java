package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DivisionCodeTest {

    private final DivisionCode xiangtanCounty = DivisionCode.of("430321");
    private final DivisionCode yisuheTown = DivisionCode.of("430321100");
    private final DivisionCode wujiaxiangCommunity = DivisionCode.of("430321100001");

    @Test
    void derives_province_city_and_county_from_any_granularity() {
        assertThat(wujiaxiangCommunity.provinceCode()).isEqualTo(DivisionCode.of("430000"));
        assertThat(wujiaxiangCommunity.cityCode()).isEqualTo(DivisionCode.of("430300"));
        assertThat(wujiaxiangCommunity.countyCode()).isEqualTo(xiangtanCounty);
        assertThat(yisuheTown.countyCode()).isEqualTo(xiangtanCounty);
        assertThat(xiangtanCounty.cityCode()).isEqualTo(DivisionCode.of("430300"));
    }

    @Test
    void knows_how_fine_a_code_is() {
        assertThat(DivisionCode.of("430000").granularity()).isEqualTo(DivisionCode.Granularity.PROVINCE);
        assertThat(DivisionCode.of("430300").granularity()).isEqualTo(DivisionCode.Granularity.PREFECTURE);
        assertThat(xiangtanCounty.granularity()).isEqualTo(DivisionCode.Granularity.COUNTY);
        assertThat(yisuheTown.granularity()).isEqualTo(DivisionCode.Granularity.TOWNSHIP);
        assertThat(wujiaxiangCommunity.granularity()).isEqualTo(DivisionCode.Granularity.VILLAGE);
    }

    @Test
    void the_significant_prefix_is_what_every_division_inside_shares() {
        assertThat(DivisionCode.of("430000").significantPrefix()).isEqualTo("43");
        assertThat(DivisionCode.of("430300").significantPrefix()).isEqualTo("4303");
        assertThat(xiangtanCounty.significantPrefix()).isEqualTo(xiangtanCounty.value());
        assertThat(wujiaxiangCommunity.value()).startsWith(DivisionCode.of("430300").significantPrefix());
    }

    @Test
    void a_village_lies_within_its_township_county_city_and_province() {
        assertThat(wujiaxiangCommunity.isWithin(yisuheTown)).isTrue();
        assertThat(wujiaxiangCommunity.isWithin(xiangtanCounty)).isTrue();
        assertThat(wujiaxiangCommunity.isWithin(DivisionCode.of("430300"))).isTrue();
        assertThat(wujiaxiangCommunity.isWithin(DivisionCode.of("430000"))).isTrue();
        assertThat(wujiaxiangCommunity.isWithin(wujiaxiangCommunity)).isTrue();
    }

    @Test
    void a_division_does_not_lie_within_a_neighbour_or_a_finer_division() {
        assertThat(xiangtanCounty.isWithin(DivisionCode.of("430302"))).isFalse();
        assertThat(xiangtanCounty.isWithin(DivisionCode.of("430100"))).isFalse();
        assertThat(xiangtanCounty.isWithin(yisuheTown)).isFalse();
        assertThat(DivisionCode.of("430300").isWithin(xiangtanCounty)).isFalse();
        assertThat(DivisionCode.of("430321102").isWithin(yisuheTown)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"43032", "4303211", "4303210001", "43032110000", "4303211000011", "43O321", "043032", "", "湘潭县"})
    void rejects_codes_that_are_not_6_9_or_12_digits(String code) {
        assertThatThrownBy(() -> DivisionCode.of(code))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_DIVISION_CODE));
    }
}

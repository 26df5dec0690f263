package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurplusSettingsTest {

    @Test
    void tiers_bands_and_bases_parse_from_their_one_line_form() {
        assertThat(SurplusSettings.tiers("90:1, 80:0.8 ,0:0.5")).containsExactly(
                new ScoreTier(new BigDecimal("90"), new BigDecimal("1")),
                new ScoreTier(new BigDecimal("80"), new BigDecimal("0.8")),
                new ScoreTier(new BigDecimal("0"), new BigDecimal("0.5")));
        assertThat(SurplusSettings.bands("0.05:0.40,0.10:0.70")).containsExactly(
                new OverspendBand(new BigDecimal("0.05"), new BigDecimal("0.40")),
                new OverspendBand(new BigDecimal("0.10"), new BigDecimal("0.70")));
        assertThat(SurplusSettings.bases("430321H0001:420000,430321T0100:95000"))
                .containsEntry("430321H0001", new BigDecimal("420000")).containsEntry("430321T0100", new BigDecimal("95000"));
    }

    @Test
    void a_share_outside_zero_to_one_or_a_pair_without_a_colon_is_refused() {
        assertThatThrownBy(() -> SurplusSettings.tiers("90:1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retainedShare");
        assertThatThrownBy(() -> SurplusSettings.bases("430321H0001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key:value");
    }
}

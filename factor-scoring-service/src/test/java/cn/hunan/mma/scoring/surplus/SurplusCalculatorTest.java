package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SurplusCalculatorTest {

    private static final SurplusSettings SEED = new SurplusSettings("seed-2025.1", SurplusSettings.seedRules(),
            Map.of("430821H0001", new BigDecimal("1000"), "430821T0100", new BigDecimal("10")), BigDecimal.ONE,
            Duration.ofSeconds(10));

    @Test
    void a_primary_member_whose_share_falls_below_the_floor_gets_the_floor() {
        // P ¥1,000,000.00, A ¥900,000.00 → S ¥100,000.00, score 95 keeps all; reserve 10 % → pool ¥90,000.00.
        // Floor 5 % of the pool = ¥4,500.00. Weights 1000 × 90 = 90,000 and 10 × 50 = 500: the township's
        // proportional share ¥90,000 × 500 / 90,500 = ¥497.24 is below the floor, so it gets ¥4,500.00 and the
        // county hospital the rest, ¥85,500.00.
        SurplusView view = SurplusCalculator.project(inputs("900000.00", "95", "90", "50"), SEED);
        assertThat(view.memberPoolFen()).isEqualTo(9_000_000L);
        assertThat(view.members()).extracting(SurplusView.MemberShare::projectedFen).containsExactly(8_550_000L, 450_000L);
        assertThat(view.members()).extracting(SurplusView.MemberShare::floorApplied).containsExactly(false, true);
        assertThat(view.members().get(1).explanation()).contains("floor");
        assertThat(view.members().get(0).explanation()).contains("85500.00").contains("1000 × 90");
    }

    @Test
    void a_missing_score_counts_as_zero_and_says_so() {
        // Alliance score unknown → 0 → the lowest tier keeps 50 %: S ¥100,000.00 → ¥50,000.00 retained.
        SurplusView view = SurplusCalculator.project(inputs("900000.00", null, "90", null), SEED);
        assertThat(view.scoresComplete()).isFalse();
        assertThat(view.retainedFen()).isEqualTo(5_000_000L);
        assertThat(view.members().get(1).scorePublished()).isFalse();
        assertThat(view.members().get(1).compositeScore()).isEqualByComparingTo("0");
    }

    @Test
    void the_json_round_trips_with_money_in_fen() {
        SurplusView view = SurplusCalculator.project(inputs("1030000.00", "95", "90", "50"), SEED);
        String json = SurplusJson.write(view);
        assertThat(SurplusJson.read(json)).isEqualTo(view);
        // Overspend ¥30,000.00, all in the first band (to 5 % of P = ¥50,000.00): alliance 40 % = ¥12,000.00.
        assertThat(json).contains("\"outcome\":\"OVERSPEND\"").contains("\"overspendFen\":3000000")
                .contains("\"allianceBorneFen\":1200000");
    }

    private static SurplusInputs inputs(String spendYuan, String allianceScore, String countyScore, String townshipScore) {
        return new SurplusInputs(AllianceId.of("CC-430821"), Period.ofYear(2025), Money.ofYuan("1000000.00"), "zjj-2025.1",
                Money.ofYuan(spendYuan), Money.ofYuan(spendYuan), Money.ZERO, decimal(allianceScore),
                List.of(new SurplusInputs.Member("430821H0001", "COUNTY", false, SEED.baseOf("430821H0001"), decimal(countyScore)),
                        new SurplusInputs.Member("430821T0100", "TOWNSHIP", true, SEED.baseOf("430821T0100"), decimal(townshipScore))));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}

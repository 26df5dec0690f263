package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrozenScoresTest {

    private static final List<Claimant> REQUESTED = List.of(
            new Claimant(InstitutionId.of("430321H0001"), new BigDecimal("420000"), new BigDecimal("86.93"), false),
            new Claimant(InstitutionId.of("430321T0102"), new BigDecimal("61000"), new BigDecimal("78.45"), true));

    @Test
    void stored_scores_replace_the_requested_ones_when_every_score_is_stored() {
        FrozenScores frozen = FrozenScores.of(REQUESTED, new BigDecimal("92.00"),
                Map.of("430321H0001", new BigDecimal("88.10"), "430321T0102", new BigDecimal("80.00")),
                new BigDecimal("85.00"), false);

        assertThat(frozen.source()).isEqualTo(FrozenScores.STORED);
        assertThat(frozen.allianceScore()).isEqualByComparingTo("85.00");
        assertThat(frozen.members()).extracting(Claimant::score).containsExactly(new BigDecimal("88.10"), new BigDecimal("80.00"));
        assertThat(frozen.members().get(1).primaryLevel()).isTrue();
    }

    @Test
    void a_member_without_a_stored_score_keeps_the_requested_one_and_the_mix_is_recorded() {
        FrozenScores frozen = FrozenScores.of(REQUESTED, new BigDecimal("92.00"),
                Map.of("430321H0001", new BigDecimal("88.10")), null, false);

        assertThat(frozen.source()).isEqualTo(FrozenScores.MIXED);
        assertThat(frozen.allianceScore()).isEqualByComparingTo("92.00");
        assertThat(frozen.members()).extracting(Claimant::score).containsExactly(new BigDecimal("88.10"), new BigDecimal("78.45"));
    }

    @Test
    void with_nothing_stored_the_request_is_the_source() {
        assertThat(FrozenScores.of(REQUESTED, new BigDecimal("92.00"), Map.of(), null, false).source())
                .isEqualTo(FrozenScores.REQUEST);
    }

    @Test
    void an_override_keeps_the_requested_scores_and_is_flagged_as_a_what_if() {
        FrozenScores frozen = FrozenScores.of(REQUESTED, new BigDecimal("92.00"),
                Map.of("430321H0001", new BigDecimal("88.10")), new BigDecimal("85.00"), true);

        assertThat(frozen.source()).isEqualTo(FrozenScores.WHAT_IF).startsWith("what-if:");
        assertThat(frozen.allianceScore()).isEqualByComparingTo("92.00");
        assertThat(frozen.members()).isEqualTo(REQUESTED);
    }
}

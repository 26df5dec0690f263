package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static cn.hunan.mma.scoring.surplus.SurplusWorld.ALLIANCE;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.TOWNSHIP_A;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.TOWNSHIP_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The live projection of an alliance once the matrix states it dissolved (its lead alone, covering nothing). */
class SurplusDissolutionTest {

    @Test
    void after_a_dissolution_the_projection_still_shares_among_the_members_the_alliance_had() {
        try (SurplusWorld world = new SurplusWorld()) {
            world.score(ScoredEntityKind.ALLIANCE, ALLIANCE.value(), "92.00");
            world.score(ScoredEntityKind.INSTITUTION, COUNTY_HOSPITAL.value(), "86.93");
            world.score(ScoredEntityKind.INSTITUTION, TOWNSHIP_A.value(), "91.20");
            world.score(ScoredEntityKind.INSTITUTION, TOWNSHIP_B.value(), "78.45");
            world.approveBudget("488750000.00");
            world.discharge(COUNTY_HOSPITAL, "300000000.00");
            world.tick();
            assertThat(world.published()).singleElement().satisfies(view -> assertThat(view.members())
                    .extracting(SurplusView.MemberShare::institutionId)
                    .containsExactly(COUNTY_HOSPITAL.value(), TOWNSHIP_A.value(), TOWNSHIP_B.value()));

            world.dissolve(Instant.parse("2025-06-30T16:00:00Z"));
            world.tick();
            // Nothing changed for the year it lived in: not republished with the lead as its only member (before 2026-11-25 (5)).
            assertThat(world.published()).isEmpty();

            // A member's new score still moves the year's projection, shared among the members the alliance had.
            world.score(ScoredEntityKind.INSTITUTION, TOWNSHIP_B.value(), "80.00");
            world.tick();
            assertThat(world.published()).singleElement().satisfies(view -> assertThat(view.members())
                    .extracting(SurplusView.MemberShare::institutionId, SurplusView.MemberShare::compositeScore)
                    .containsExactly(tuple(COUNTY_HOSPITAL.value(), new BigDecimal("86.93")),
                            tuple(TOWNSHIP_A.value(), new BigDecimal("91.20")), tuple(TOWNSHIP_B.value(), new BigDecimal("80.00"))));
        }
    }
}

package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.rules.close.FrozenScores;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hunan.mma.scoring.surplus.SurplusWorld.ALLIANCE;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.CITY_HOSPITAL;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.TOWNSHIP_A;
import static cn.hunan.mma.scoring.surplus.SurplusWorld.TOWNSHIP_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 must-show: the live projection and the period close, fed the same inputs, agree to the fen.
 * Live side: events through the scorer's real topology (decode → ledger → totals → surplus projector) under
 * TopologyTestDriver, read from {@code mma.scoring.surplus-projections}. Close side: the settlement service's
 * close, {@link PeriodSettlement#close} from settlement-rules, on a snapshot built here from the same budget,
 * spend, scores, members and rules. Expected figures are DOMAIN.md §7's worked example, worked by hand.
 */
class SurplusCloseAgreementTest {

    @Test
    void a_surplus_projects_and_closes_to_the_same_fen_and_follows_the_spend_as_it_arrives() {
        try (SurplusWorld world = fedWithScores()) {
            world.approveBudget("488750000.00");
            world.discharge(COUNTY_HOSPITAL, "300000000.00");
            world.tick();
            // After the in-area ¥300m: S = ¥488.75m − ¥300m = ¥188.75m, score 92 keeps all of it.
            SurplusView early = last(world.published());
            assertThat(early.spendToDateFen()).isEqualTo(30_000_000_000L);
            assertThat(early.surplusFen()).isEqualTo(18_875_000_000L);

            world.discharge(CITY_HOSPITAL, "170000000.00");
            world.tick();
            SurplusView live = last(world.published());

            // DOMAIN.md §7: A = ¥470m (¥170m of it out of area) → S = ¥18.75m, score 92 → 100 % retained;
            // reserve 10 % = ¥1.875m, member pool ¥16.875m.
            assertThat(live.spendToDateFen()).isEqualTo(47_000_000_000L);
            assertThat(live.spendOutOfAreaFen()).isEqualTo(17_000_000_000L);
            assertThat(live.outcome()).isEqualTo("SURPLUS");
            assertThat(live.retainedFen()).isEqualTo(1_875_000_000L);
            assertThat(live.reserveFen()).isEqualTo(187_500_000L);
            assertThat(live.memberPoolFen()).isEqualTo(1_687_500_000L);
            // Equal bases (mma.surplus.default-base 1), so B × F = F; Σ F = 86.93 + 91.20 + 78.45 = 256.58.
            // 1,687,500,000 fen × 86.93 / 256.58 = 571,729,577.52; × 91.20 / 256.58 = 599,812,923.84;
            // × 78.45 / 256.58 = 515,957,498.64 → rounded down they leave 2 fen, which go to the two largest
            // remainders (.84, .64). Floors (5 % of the pool, 84,375,000 fen) are below every share.
            Map<String, Long> expected = Map.of(COUNTY_HOSPITAL.value(), 571_729_577L,
                    TOWNSHIP_A.value(), 599_812_924L, TOWNSHIP_B.value(), 515_957_499L);
            assertThat(byMember(live)).isEqualTo(expected);

            PeriodSettlement close = PeriodSettlement.close(closeSnapshot(world, "470000000.00"));
            assertThat(close.retained()).isEqualTo(Money.ofYuan("18750000.00"));
            assertThat(byMember(close)).isEqualTo(expected).isEqualTo(byMember(live));
            assertThat(live.members()).allSatisfy(member -> assertThat(member.floorApplied()).isFalse());
            assertThat(live.scoresComplete()).isTrue();
            // What the GET serves is the published JSON itself.
            assertThat(SurplusJson.read(world.served(ALLIANCE.value() + "|2025"))).isEqualTo(live);
        }
    }

    @Test
    void an_overspend_projects_and_closes_to_the_same_fen() {
        try (SurplusWorld world = fedWithScores()) {
            world.approveBudget("488750000.00");
            world.discharge(COUNTY_HOSPITAL, "350000000.00");
            world.discharge(CITY_HOSPITAL, "170000000.00");
            world.tick();
            SurplusView live = last(world.published());

            // DOMAIN.md §7: A = ¥520m → overspend ¥31.25m; to 5 % of P (¥24.4375m) alliance 40 % = ¥9.775m;
            // 5–10 % (¥6.8125m) alliance 70 % = ¥4.76875m; the alliance bears ¥14,543,750.00, the fund ¥16,706,250.00.
            assertThat(live.outcome()).isEqualTo("OVERSPEND");
            assertThat(live.overspendFen()).isEqualTo(3_125_000_000L);
            assertThat(live.overspendBands()).extracting(SurplusView.Band::allianceBorneFen)
                    .containsExactly(977_500_000L, 476_875_000L);
            assertThat(live.allianceBorneFen()).isEqualTo(1_454_375_000L);
            assertThat(live.fundBorneFen()).isEqualTo(1_670_625_000L);
            assertThat(live.retainedFen()).isZero();

            PeriodSettlement close = PeriodSettlement.close(closeSnapshot(world, "520000000.00"));
            PeriodOutcome.Overspend closed = (PeriodOutcome.Overspend) close.outcome();
            assertThat(closed.allianceBorne().fen()).isEqualTo(live.allianceBorneFen());
            assertThat(closed.fundBorne().fen()).isEqualTo(live.fundBorneFen());
            // Nothing retained, so nothing to share: every member's amount is 0 on both sides.
            assertThat(byMember(live)).isEqualTo(byMember(close))
                    .containsOnlyKeys(COUNTY_HOSPITAL.value(), TOWNSHIP_A.value(), TOWNSHIP_B.value())
                    .allSatisfy((member, fen) -> assertThat(fen).isZero());
        }
    }

    @Test
    void nothing_is_projected_before_the_budget_is_approved() {
        try (SurplusWorld world = fedWithScores()) {
            world.discharge(COUNTY_HOSPITAL, "1000.00");
            world.tick();
            assertThat(world.published()).isEmpty();
            world.approveBudget("488750000.00");
            world.tick();
            assertThat(last(world.published()).surplusFen()).isEqualTo(48_874_900_000L);
        }
    }

    private static SurplusWorld fedWithScores() {
        SurplusWorld world = new SurplusWorld();
        world.score(ScoredEntityKind.ALLIANCE, ALLIANCE.value(), "92.00");
        world.score(ScoredEntityKind.INSTITUTION, COUNTY_HOSPITAL.value(), "86.93");
        world.score(ScoredEntityKind.INSTITUTION, TOWNSHIP_A.value(), "91.20");
        world.score(ScoredEntityKind.INSTITUTION, TOWNSHIP_B.value(), "78.45");
        return world;
    }

    /** The snapshot an insurance officer's close freezes for the same inputs (no tertiary partners). */
    private static SettlementSnapshot closeSnapshot(SurplusWorld world, String actualYuan) {
        SurplusSettings settings = world.settings();
        return new SettlementSnapshot(ALLIANCE, Period.ofYear(2025), settings.rulesVersion(),
                Money.ofYuan("488750000.00"), Money.ofYuan(actualYuan), new BigDecimal("92.00"), false,
                List.of(new Claimant(COUNTY_HOSPITAL, settings.baseOf(COUNTY_HOSPITAL.value()), new BigDecimal("86.93"), false),
                        new Claimant(TOWNSHIP_A, settings.baseOf(TOWNSHIP_A.value()), new BigDecimal("91.20"), true),
                        new Claimant(TOWNSHIP_B, settings.baseOf(TOWNSHIP_B.value()), new BigDecimal("78.45"), true)),
                List.of(), new BigDecimal("0.15"), new BigDecimal("0.12"), settings.rules(), FrozenScores.STORED);
    }

    private static SurplusView last(List<SurplusView> views) {
        assertThat(views).isNotEmpty();
        return views.get(views.size() - 1);
    }

    private static Map<String, Long> byMember(SurplusView view) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        view.members().forEach(member -> amounts.put(member.institutionId(), member.projectedFen()));
        return amounts;
    }

    private static Map<String, Long> byMember(PeriodSettlement close) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (MemberAllocation allocation : close.members().allocations()) {
            amounts.put(allocation.institutionId().value(), allocation.amount().fen());
        }
        return amounts;
    }
}

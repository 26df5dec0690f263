package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.topic.ScoreKey;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.TestRuleSets;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.hunan.mma.scoring.streams.ScoringWorld.COUNTY_HOSPITAL;
import static cn.hunan.mma.scoring.streams.ScoringWorld.TOWNSHIP_CENTRE;
import static cn.hunan.mma.scoring.streams.ScoringWorld.discharge;
import static cn.hunan.mma.scoring.streams.ScoringWorld.downwardReferral;
import static cn.hunan.mma.scoring.streams.ScoringWorld.newId;
import static cn.hunan.mma.scoring.streams.ScoringWorld.visit;
import static org.assertj.core.api.Assertions.assertThat;

/** Scores on the compacted scores topic, derived from the totals with the rule version in force. */
class ScoreEmissionTest {

    private static final Instant MARCH_10 = Instant.parse("2025-03-10T02:00:00Z");
    private static final Instant APRIL_3 = Instant.parse("2025-04-03T02:00:00Z");
    private final RuleSet equalWeights = TestRuleSets.twoFactors("v1", LocalDate.parse("2025-01-01"), "1", "1");
    private final ScoringWorld world = new ScoringWorld(equalWeights);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_weight_change_rescores_without_a_replay() {
        TestOutputTopic<ScoreKey, ?> scores = world.scores();
        marchOfTheCommunity();

        FactorScoreComputed before = latest(scores, "ALLIANCE:CC-430321:2025-03");
        assertThat(before.ruleVersion()).isEqualTo("v1");
        assertThat(before.scoreOf(Factor.OUTPATIENT)).isEqualByComparingTo("50.00");
        assertThat(before.scoreOf(Factor.REFERRAL)).isEqualByComparingTo("100.00");
        assertThat(before.composite()).isEqualByComparingTo("75.00");

        // v2, in force from 1 March (so on March's last day), weighs outpatient 3:1 — read now: (3 × 50 + 1 × 100) ÷ 4 =
        // 62.50, from the same totals, no replay. (Until 2026-11-25 (9) v2 was dated 1 June, and March was scored with
        // it because it was in force on the day of reading.)
        world.loadRuleSet(TestRuleSets.twoFactors("v2", LocalDate.parse("2025-03-01"), "3", "1"));
        assertThat(world.score("ALLIANCE:CC-430321", "2025-03").ruleVersion()).isEqualTo("v2");
        assertThat(world.score("ALLIANCE:CC-430321", "2025-03").composite()).isEqualByComparingTo("62.50");

        // The next change is published under v2: 6 visits, 2 primary → 0.333333 ÷ 0.5 → 66.67; (3 × 66.67 + 100) ÷ 4 = 75.00.
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
        world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));
        world.advanceWallClock(Duration.ofSeconds(2));
        FactorScoreComputed after = latest(scores, "ALLIANCE:CC-430321:2025-03");
        assertThat(after.ruleVersion()).isEqualTo("v2");
        assertThat(after.scoreOf(Factor.OUTPATIENT)).isEqualByComparingTo("66.67");
        assertThat(after.composite()).isEqualByComparingTo("75.00");
    }

    /**
     * A period is scored with the version in force on its last day ("today" is 31 December 2025 here). v2 (3:1), dated
     * 1 June and loaded in December, scores H1 and the year — published again at once, with no new event, as 62.50 —
     * while March, which ended under v1, stays at 75.00 under v1, on read and on the topic (not published again).
     */
    @Test
    void a_period_keeps_the_version_in_force_on_its_last_day_and_a_version_dated_in_the_past_republishes_the_periods_it_scores() {
        TestOutputTopic<ScoreKey, ?> scores = world.scores();
        marchOfTheCommunity();
        assertThat(all(scores)).containsKey("ALLIANCE:CC-430321:2025-H1");

        world.loadRuleSet(TestRuleSets.twoFactors("v2", LocalDate.parse("2025-06-01"), "3", "1"));
        assertThat(world.score("ALLIANCE:CC-430321", "2025-03").ruleVersion()).isEqualTo("v1");
        assertThat(world.score("ALLIANCE:CC-430321", "2025-03").composite()).isEqualByComparingTo("75.00");
        assertThat(world.score("ALLIANCE:CC-430321", "2025-H1").ruleVersion()).isEqualTo("v2");
        assertThat(world.score("ALLIANCE:CC-430321", "2025-H1").composite()).isEqualByComparingTo("62.50");

        world.advanceWallClock(Duration.ofSeconds(2));
        Map<String, FactorScoreComputed> republished = all(scores);
        assertThat(republished).doesNotContainKey("ALLIANCE:CC-430321:2025-03").doesNotContainKey("INSTITUTION:430321T0100:2025-03");
        for (String key : List.of("ALLIANCE:CC-430321:2025-H1", "ALLIANCE:CC-430321:2025", "INSTITUTION:430321T0100:2025-H1")) {
            assertThat(republished.get(key)).as(key).isNotNull();
            assertThat(republished.get(key).ruleVersion()).as(key).isEqualTo("v2");
        }
        assertThat(republished.get("ALLIANCE:CC-430321:2025-H1").composite()).isEqualByComparingTo("62.50");
    }

    /** Alliance CC-430321 in March: OUTPATIENT 50.00, REFERRAL 100.00, published. */
    private void marchOfTheCommunity() {
        // 4 visits, 1 at primary level → share 0.25 of a 0.5 target → OUTPATIENT 50.00.
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
        for (int i = 0; i < 3; i++) {
            world.send(Topics.OUTPATIENT_VISITS, visit(COUNTY_HOSPITAL, MARCH_10));
        }
        // 2 discharges, 1 to primary care → share 0.5 of a 0.5 target → REFERRAL 100.00.
        world.send(Topics.INPATIENT, discharge(COUNTY_HOSPITAL, MARCH_10));
        world.send(Topics.INPATIENT, discharge(newId(), COUNTY_HOSPITAL, MARCH_10, "800.00", DischargeMode.TRANSFERRED_TO_PRIMARY_CARE, null));
        world.advanceWallClock(Duration.ofSeconds(2));
    }

    @Test
    void scores_are_published_for_the_month_its_half_year_and_its_year() {
        TestOutputTopic<ScoreKey, ?> scores = world.scores();
        world.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
        world.advanceWallClock(Duration.ofSeconds(2));

        Map<String, FactorScoreComputed> published = all(scores);
        assertThat(published).containsKeys("INSTITUTION:430321T0100:2025-03", "INSTITUTION:430321T0100:2025-H1",
                "INSTITUTION:430321T0100:2025", "ALLIANCE:CC-430321:2025", "PROVINCE:430000:2025-H1");
        // One primary-level visit out of one: share 1 ≥ target → 100; REFERRAL has no discharges, so it is left out.
        assertThat(published.get("INSTITUTION:430321T0100:2025").composite()).isEqualByComparingTo(new BigDecimal("100.00"));
    }

    /**
     * Visit growth against the previous period (PREVENTION, full marks at +50 %): 2 visits in March, 3 in April → April
     * +50 % → 100.00. A third March visit arrives late (April 3, within March's grace): April is now +0 % → 0.00, and
     * April is published again with March, though no April total changed (before 2026-11-25 (6) only March, H1 and
     * 2025 were, and April's 100.00 stood on the topic). H2, compared with H1, has no totals: nothing is published for it.
     */
    @Test
    void a_late_change_republishes_the_next_period_whose_improvement_compares_with_it() {
        ScoringWorld growth = new ScoringWorld(TestRuleSets.withVisitGrowth("v1", LocalDate.parse("2025-01-01")));
        try {
            TestOutputTopic<ScoreKey, ?> scores = growth.scores();
            growth.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
            growth.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
            for (int i = 0; i < 3; i++) {
                growth.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, APRIL_3));
            }
            growth.advanceWallClock(Duration.ofSeconds(2));
            assertThat(latest(scores, "INSTITUTION:430321T0100:2025-04").scoreOf(Factor.PREVENTION)).isEqualByComparingTo("100.00");

            growth.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, MARCH_10));
            growth.advanceWallClock(Duration.ofSeconds(2));
            Map<String, FactorScoreComputed> republished = all(scores);
            assertThat(republished).containsKeys("INSTITUTION:430321T0100:2025-03", "INSTITUTION:430321T0100:2025-H1",
                    "INSTITUTION:430321T0100:2025").doesNotContainKey("INSTITUTION:430321T0100:2025-H2");
            assertThat(republished.get("INSTITUTION:430321T0100:2025-04")).isNotNull()
                    .extracting(april -> april.scoreOf(Factor.PREVENTION)).satisfies(score -> assertThat(score).isEqualByComparingTo("0.00"));
        } finally {
            growth.close();
        }
    }

    /**
     * Downward-referral growth in the seed rule set compares a period with the same period a year before. The county
     * hospital refers 10 patients down in March 2024 and 12 in March 2025: +20 % of the 10 % target, capped → REFERRAL
     * 100.00 for March, H1 and the year 2025 (downward-referral growth is the only REFERRAL indicator with a denominator
     * here). An 11th March 2024 referral then arrives late: +9.09 % (12 ÷ 11 − 1 = 0.0909…, ÷ 0.1 → 90.91), and March, H1
     * and 2025 are published again although no 2025 total changed. A visit on 2024-03-10 holds the watermark in March
     * 2024, as a slower input does in a replay, so that the late referral still counts (see {@link LedgerWatermarkTest}).
     * March 2026, compared with March 2025, has no totals: nothing is published for it.
     */
    @Test
    void a_late_change_republishes_the_same_period_a_year_on_whose_growth_compares_with_it() {
        ScoringWorld seed = new ScoringWorld();
        try {
            TestOutputTopic<ScoreKey, ?> scores = seed.scores();
            seed.send(Topics.OUTPATIENT_VISITS, visit(TOWNSHIP_CENTRE, Instant.parse("2024-03-10T02:00:00Z")));
            downwardReferrals(seed, 10, Instant.parse("2024-03-12T02:00:00Z"));
            downwardReferrals(seed, 12, MARCH_10);
            seed.advanceWallClock(Duration.ofSeconds(2));
            Map<String, FactorScoreComputed> first = all(scores);
            for (String period : List.of("2025-03", "2025-H1", "2025")) {
                assertThat(first.get("ALLIANCE:CC-430321:" + period).scoreOf(Factor.REFERRAL)).as(period).isEqualByComparingTo("100.00");
            }

            downwardReferrals(seed, 1, Instant.parse("2024-03-20T02:00:00Z"));
            seed.advanceWallClock(Duration.ofSeconds(2));
            Map<String, FactorScoreComputed> republished = all(scores);
            for (String scope : List.of("ALLIANCE:CC-430321", "INSTITUTION:" + COUNTY_HOSPITAL.value())) {
                for (String period : List.of("2025-03", "2025-H1", "2025")) {
                    assertThat(republished.get(scope + ":" + period)).as(scope + " " + period).isNotNull()
                            .extracting(score -> score.scoreOf(Factor.REFERRAL))
                            .satisfies(growth -> assertThat(growth).isEqualByComparingTo("90.91"));
                }
            }
            assertThat(republished).containsKey("ALLIANCE:CC-430321:2024-03").doesNotContainKey("ALLIANCE:CC-430321:2026-03");
        } finally {
            seed.close();
        }
    }

    private static void downwardReferrals(ScoringWorld world, int count, Instant when) {
        for (int i = 0; i < count; i++) {
            world.send(Topics.REFERRALS, downwardReferral(COUNTY_HOSPITAL, TOWNSHIP_CENTRE, when));
        }
    }

    private static FactorScoreComputed latest(TestOutputTopic<ScoreKey, ?> scores, String key) {
        return all(scores).get(key);
    }

    private static Map<String, FactorScoreComputed> all(TestOutputTopic<ScoreKey, ?> scores) {
        return scores.readKeyValuesToList().stream().collect(Collectors.toMap(kv -> kv.key.toString(),
                kv -> (FactorScoreComputed) ((KeyValue<ScoreKey, ?>) kv).value, (first, later) -> later));
    }
}

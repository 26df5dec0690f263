package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.scoring.config.RuleSetJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedRuleSetTest {

    private final RuleSet seed = RuleSetJson.seed();

    @Test
    void the_seed_has_at_least_thirty_indicators_covering_all_nine_factors() {
        Set<Factor> covered = seed.indicators().stream().map(IndicatorDefinition::factor)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Factor.class)));

        assertThat(seed.indicators()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(covered).containsExactlyInAnyOrder(Factor.values());
    }

    @Test
    void the_seed_is_valid() {
        assertThat(RuleSetValidator.problemsOf(seed)).isEmpty();
    }

    @Test
    void an_indicator_measure_on_an_unknown_event_field_is_rejected_with_the_reason() {
        MeasureDefinition bad = new MeasureDefinition("visits.by-colour", List.of("OutpatientVisitRecorded"), Basis.TREATMENT,
                null, List.of(new Condition("colour", List.of("red"))));
        RuleSet rules = new RuleSet("bad", seed.effectiveFrom(), seed.factorWeights(), List.of(bad), List.of());

        assertThat(RuleSetValidator.problemsOf(rules))
                .containsExactly("measure visits.by-colour: OutpatientVisitRecorded has no field colour to filter on");
    }

    @Test
    void unknown_event_types_sums_of_text_fields_and_residence_of_non_care_events_are_rejected() {
        RuleSet rules = new RuleSet("bad", seed.effectiveFrom(), seed.factorWeights(), List.of(
                new MeasureDefinition("a", List.of("PatientTeleported"), Basis.TREATMENT, null, List.of()),
                new MeasureDefinition("b", List.of("OutpatientVisitRecorded"), Basis.TREATMENT, "visitKind", List.of()),
                new MeasureDefinition("c", List.of("ConductIncidentRecorded"), Basis.RESIDENCE, null, List.of())), List.of());

        assertThat(RuleSetValidator.problemsOf(rules)).hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("measure a: unknown event type PatientTeleported"))
                .contains("measure b: OutpatientVisitRecorded has no numeric field visitKind",
                        "measure c: ConductIncidentRecorded carries no patient residence, so it cannot be counted by RESIDENCE");
    }

    /** A point-in-time measure finds its period's month by a count of reports; a sum or a missing measure cannot do that. */
    @Test
    void a_point_in_time_measure_must_name_a_counting_measure() {
        MeasureDefinition reports = new MeasureDefinition("reports", List.of("SupportMetricsReported"), Basis.TREATMENT, null, List.of());
        MeasureDefinition staff = new MeasureDefinition("staff", List.of("SupportMetricsReported"), Basis.TREATMENT, "staffTotal",
                List.of(), "reports");
        MeasureDefinition bySum = new MeasureDefinition("physicians", List.of("SupportMetricsReported"), Basis.TREATMENT, "physicians",
                List.of(), "staff");
        MeasureDefinition byNothing = new MeasureDefinition("nurses", List.of("SupportMetricsReported"), Basis.TREATMENT, "staffTotal",
                List.of(), "nowhere");
        RuleSet rules = new RuleSet("v", seed.effectiveFrom(), seed.factorWeights(), List.of(reports, staff, bySum, byNothing), List.of());

        assertThat(RuleSetValidator.problemsOf(rules)).containsExactly(
                "measure physicians: latestMonthOf names no counting measure of this rule set (one without sumOf or latestMonthOf): staff",
                "measure nurses: latestMonthOf names no counting measure of this rule set (one without sumOf or latestMonthOf): nowhere");
        // Written and read back with it; a measure without it is written without it.
        assertThat(RuleSetJson.parse(RuleSetJson.write(rules)).measure("staff").orElseThrow().latestMonthOf()).isEqualTo("reports");
        assertThat(new String(RuleSetJson.write(TestRuleSets.twoFactors("v", seed.effectiveFrom(), "1", "1")), StandardCharsets.UTF_8))
                .doesNotContain("latestMonthOf");
    }

    @Test
    void an_indicator_naming_a_missing_measure_is_rejected() {
        RuleSet rules = TestRuleSets.twoFactors("v", seed.effectiveFrom(), "1", "1");
        IndicatorDefinition dangling = new IndicatorDefinition("x", "x", "x", Factor.SUPPORT, "nowhere", null, null, "n",
                Direction.HIGHER_IS_BETTER, new Scoring(ScoringMethod.TARGET, java.math.BigDecimal.ONE, null), java.math.BigDecimal.ONE);
        RuleSet withDangling = new RuleSet("v", rules.effectiveFrom(), rules.factorWeights(), rules.measures(), List.of(dangling));

        assertThat(RuleSetValidator.problemsOf(withDangling)).containsExactly("indicator x: numerator names no measure of this rule set: nowhere");
    }

    @Test
    void a_baseline_on_a_scoring_other_than_improvement_is_rejected_and_an_absent_one_is_the_previous_period() {
        RuleSet rules = TestRuleSets.twoFactors("v", seed.effectiveFrom(), "1", "1");
        IndicatorDefinition targetWithBaseline = new IndicatorDefinition("x", "x", "x", Factor.OUTPATIENT, "visits", null, null, "n",
                Direction.HIGHER_IS_BETTER, new Scoring(ScoringMethod.TARGET, java.math.BigDecimal.ONE, null, Baseline.SAME_PERIOD_A_YEAR_BEFORE),
                java.math.BigDecimal.ONE);
        RuleSet bad = new RuleSet("v", rules.effectiveFrom(), rules.factorWeights(), rules.measures(), List.of(targetWithBaseline));

        assertThat(RuleSetValidator.problemsOf(bad)).containsExactly("indicator x: a baseline is for IMPROVEMENT scoring only");
        // A rule set written before baselines existed reads as before: the previous period.
        assertThat(RuleSetJson.parse(RuleSetJson.write(rules)).indicators().get(0).scoring().comparedWith()).isEqualTo(Baseline.PREVIOUS_PERIOD);
        assertThat(new String(RuleSetJson.write(rules), StandardCharsets.UTF_8)).doesNotContain("baseline");
    }

    @Test
    void unknown_json_properties_are_refused_with_the_name() {
        assertThatThrownBy(() -> RuleSetJson.parse("{\"version\":\"v\",\"effectiveFrom\":\"2025-01-01\",\"colour\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void a_rule_set_survives_the_round_trip_through_json() {
        assertThat(RuleSetJson.parse(RuleSetJson.write(seed))).isEqualTo(seed);
    }
}

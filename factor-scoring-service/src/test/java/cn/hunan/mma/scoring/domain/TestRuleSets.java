package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small rule sets whose scores are easy to work out by hand. */
public final class TestRuleSets {

    private TestRuleSets() {
    }

    /** OUTPATIENT: primary-level share of visits, target 0.5; REFERRAL: discharges to primary care, target 0.5. */
    public static RuleSet twoFactors(String version, LocalDate from, String outpatientWeight, String referralWeight) {
        Condition primary = new Condition(EventFields.INSTITUTION_LEVEL, List.of("VILLAGE", "TOWNSHIP"));
        List<MeasureDefinition> measures = List.of(
                new MeasureDefinition("visits", List.of("OutpatientVisitRecorded"), Basis.TREATMENT, null, List.of()),
                new MeasureDefinition("visits.primary-level", List.of("OutpatientVisitRecorded"), Basis.TREATMENT, null, List.of(primary)),
                new MeasureDefinition("discharges", List.of("InpatientDischarged"), Basis.TREATMENT, null, List.of()),
                new MeasureDefinition("discharges.to-primary-care", List.of("InpatientDischarged"), Basis.TREATMENT, null,
                        List.of(new Condition("dischargeMode", List.of("TRANSFERRED_TO_PRIMARY_CARE")))));
        Scoring halfTarget = new Scoring(ScoringMethod.TARGET, new BigDecimal("0.5"), null);
        List<IndicatorDefinition> indicators = List.of(
                new IndicatorDefinition("primary-share", "基层门诊占比", "Primary-level visit share", Factor.OUTPATIENT,
                        "visits.primary-level", "visits", null, "share", Direction.HIGHER_IS_BETTER, halfTarget, BigDecimal.ONE),
                new IndicatorDefinition("downward-share", "出院转基层占比", "Discharges to primary care", Factor.REFERRAL,
                        "discharges.to-primary-care", "discharges", null, "share", Direction.HIGHER_IS_BETTER, halfTarget, BigDecimal.ONE));
        return new RuleSet(version, from, Map.of(Factor.OUTPATIENT, new BigDecimal(outpatientWeight),
                Factor.REFERRAL, new BigDecimal(referralWeight)), measures, indicators);
    }

    /**
     * {@link #twoFactors} (weights 1 and 1) and PREVENTION: the growth of visits against the previous period, full marks
     * at +50 % (IMPROVEMENT, target 0.5).
     */
    public static RuleSet withVisitGrowth(String version, LocalDate from) {
        RuleSet two = twoFactors(version, from, "1", "1");
        List<IndicatorDefinition> indicators = new java.util.ArrayList<>(two.indicators());
        indicators.add(new IndicatorDefinition("visit-growth", "门诊人次增长", "Visits, growth", Factor.PREVENTION, "visits", null, null,
                "visits", Direction.HIGHER_IS_BETTER, new Scoring(ScoringMethod.IMPROVEMENT, new BigDecimal("0.5"), null), BigDecimal.ONE));
        Map<Factor, BigDecimal> weights = new java.util.EnumMap<>(two.factorWeights());
        weights.put(Factor.PREVENTION, BigDecimal.ONE);
        return new RuleSet(version, from, weights, two.measures(), indicators);
    }
}

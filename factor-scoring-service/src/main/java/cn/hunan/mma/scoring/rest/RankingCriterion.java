package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.IndicatorDefinition;
import cn.hunan.mma.scoring.domain.IndicatorResult;
import cn.hunan.mma.scoring.domain.RuleSet;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a ranking orders by: the composite score, one factor's score ({@code factor:PREVENTION}) or
 * one indicator's score ({@code indicator:outpatient.primary-level-share}) — scores, not raw values,
 * so "higher ranks first" holds whatever the indicator's direction.
 */
record RankingCriterion(String text, Factor factor, String indicatorId) {

    static final String COMPOSITE = "composite";

    /** @throws ContractViolation (400 problem+json) for an unknown factor or an indicator not in the rule set in force */
    static RankingCriterion parse(String by, RuleSet rules) {
        if (by == null || by.isBlank() || by.equals(COMPOSITE)) {
            return new RankingCriterion(COMPOSITE, null, null);
        }
        if (by.startsWith("factor:")) {
            String name = by.substring("factor:".length()).toUpperCase(Locale.ROOT);
            for (Factor factor : Factor.values()) {
                if (factor.name().equals(name)) {
                    return new RankingCriterion("factor:" + name, factor, null);
                }
            }
            throw new ContractViolation(Reason.INVALID_VALUE, "by", "unknown factor " + name + "; factors are "
                    + java.util.Arrays.toString(Factor.values()));
        }
        if (by.startsWith("indicator:")) {
            String id = by.substring("indicator:".length());
            if (rules.indicators().stream().map(IndicatorDefinition::id).noneMatch(id::equals)) {
                throw new ContractViolation(Reason.INVALID_VALUE, "by", "indicator " + id + " is not in rule set " + rules.version());
            }
            return new RankingCriterion(by, null, id);
        }
        throw new ContractViolation(Reason.INVALID_VALUE, "by", "by must be composite, factor:<FACTOR> or indicator:<id>");
    }

    /**
     * The score to rank by, or null when there is none (an indicator with a zero denominator, a factor none of whose
     * indicators is scored): such entities are left out.
     */
    BigDecimal valueOf(EntityScore score) {
        if (factor != null) {
            return score.factorScore(factor);
        }
        if (indicatorId != null) {
            return score.indicators().stream().filter(result -> result.indicatorId().equals(indicatorId))
                    .findFirst().map(IndicatorResult::score).orElse(null);
        }
        return score.composite();
    }
}

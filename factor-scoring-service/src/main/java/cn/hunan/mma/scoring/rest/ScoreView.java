package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.IndicatorResult;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A score with its lineage: the rule version, each indicator's numerator and denominator, and a
 * bounded sample of the event ids behind the totals.
 *
 * @param factors all nine factors, null for one none of whose indicators is scored (no data, not 0.00)
 */
public record ScoreView(String scope, String period, String ruleVersion, BigDecimal composite,
                        Map<Factor, BigDecimal> factors, List<IndicatorResult> indicators, List<String> sampleEventIds) {

    static ScoreView of(String scope, String period, EntityScore score, List<String> sample) {
        Map<Factor, BigDecimal> factors = new EnumMap<>(Factor.class);
        for (Factor factor : Factor.values()) {
            factors.put(factor, score.factorScore(factor));
        }
        return new ScoreView(scope, period, score.ruleVersion(), score.composite(), Collections.unmodifiableMap(factors),
                score.indicators(), sample);
    }
}

package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An entity's scores for a period under one rule version.
 *
 * @param factorScores the scored factors only: a factor without any scored indicator (no data) is absent, and takes
 *                     no part in the composite (its weight is spread over the others)
 */
public record EntityScore(String ruleVersion, BigDecimal composite, Map<Factor, BigDecimal> factorScores,
                          List<IndicatorResult> indicators) {

    /** The factor's score, or null when none of its indicators is scored. */
    public BigDecimal factorScore(Factor factor) {
        return factorScores.get(factor);
    }
}

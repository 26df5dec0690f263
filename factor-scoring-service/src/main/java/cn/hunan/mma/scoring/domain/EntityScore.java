package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An entity's scores for a period under one rule version. A factor without any scored indicator
 * reports 0.00 and takes no part in the composite (its weight is spread over the others).
 */
public record EntityScore(String ruleVersion, BigDecimal composite, Map<Factor, BigDecimal> factorScores,
                          List<IndicatorResult> indicators) {
}

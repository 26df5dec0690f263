package cn.hunan.mma.scoring.domain;

import java.math.BigDecimal;

/**
 * One indicator for one scope and period: the totals behind it, its value and its score. A zero
 * denominator leaves value and score null: the indicator is not scored and drops out of its factor.
 */
public record IndicatorResult(String indicatorId, long numerator, Long denominator, BigDecimal value, BigDecimal score) {

    public boolean scored() {
        return score != null;
    }
}

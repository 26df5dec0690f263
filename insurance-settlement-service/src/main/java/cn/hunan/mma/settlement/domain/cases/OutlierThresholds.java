package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * When a case leaves the normal band: below {@code lowRatio} × standard it is paid at cost; above
 * {@code highRatio} × the reference cost its score (DIP) or standard (DRG) is scaled by
 * {@code actual / reference − highRatio + 1}; above {@code reviewRatio} × the reference it goes to
 * expert review while the review quota lasts. DIP seed: 0.5 / 2 / 5.
 */
public record OutlierThresholds(BigDecimal lowRatio, BigDecimal highRatio, BigDecimal reviewRatio) {

    public OutlierThresholds {
        Fractions.fraction(lowRatio, "lowRatio");
        Fractions.positive(highRatio, "highRatio");
        Fractions.positive(reviewRatio, "reviewRatio");
        if (highRatio.compareTo(BigDecimal.ONE) < 0 || reviewRatio.compareTo(highRatio) < 0) {
            throw new IllegalArgumentException("thresholds must satisfy 1 ≤ highRatio ≤ reviewRatio");
        }
    }
}

package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A DIP disease group (病种): its score (分值) and the mean cost of its cases, the reference for
 * high-cost outliers. Real Hunan DIP scores are not public: areas load their own.
 */
public record DipGroup(String code, BigDecimal score, Money meanCost) {

    public DipGroup {
        Objects.requireNonNull(code, "code");
        Fractions.positive(score, "score");
        Objects.requireNonNull(meanCost, "meanCost");
        if (meanCost.isZero()) {
            throw new IllegalArgumentException("meanCost must be positive");
        }
    }
}

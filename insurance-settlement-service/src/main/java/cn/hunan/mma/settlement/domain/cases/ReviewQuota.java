package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * The cap on special-case review (特病单议): at most {@code cap} of the period's cases (about 5% for
 * DRG, 5‰ for DIP). Counted as cases arrive: one more review is allowed while reviews stay within
 * the cap of the cases settled so far, this one included.
 */
public record ReviewQuota(BigDecimal cap, long casesSoFar, long reviewsSoFar) {

    public ReviewQuota {
        Fractions.fraction(cap, "cap");
    }

    public boolean allowsOneMore() {
        BigDecimal allowed = cap.multiply(BigDecimal.valueOf(casesSoFar + 1));
        return BigDecimal.valueOf(reviewsSoFar + 1).compareTo(allowed) <= 0;
    }
}

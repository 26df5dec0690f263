package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * How the retained surplus is shared inside an alliance (local rule).
 *
 * @param reserveShare          held back from the retained surplus for next year
 * @param primaryFloorShare     each primary-level member gets at least this share of the member pool (0: no floor)
 * @param tertiaryAlpha         α: at most this share of the pool goes to collaborating tertiary hospitals
 * @param referralRateTargetFall the fall in the out-of-area referral rate (percentage points as a fraction) at which f(ΔR) = 1
 */
public record DistributionRules(BigDecimal reserveShare, BigDecimal primaryFloorShare, BigDecimal tertiaryAlpha,
                                BigDecimal referralRateTargetFall) {

    public DistributionRules {
        Fractions.fraction(reserveShare, "reserveShare");
        Fractions.fraction(primaryFloorShare, "primaryFloorShare");
        Fractions.fraction(tertiaryAlpha, "tertiaryAlpha");
        Fractions.positive(referralRateTargetFall, "referralRateTargetFall");
    }
}

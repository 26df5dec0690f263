package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * Overspend up to {@code upToShareOfPackage} × P (above the previous band) is borne by the
 * alliance at {@code allianceShare}, the fund bearing the rest (≤5%: alliance 40%; 5–10%: 70%).
 */
public record OverspendBand(BigDecimal upToShareOfPackage, BigDecimal allianceShare) {

    public OverspendBand {
        Fractions.positive(upToShareOfPackage, "upToShareOfPackage");
        Fractions.fraction(allianceShare, "allianceShare");
    }
}

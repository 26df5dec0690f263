package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.value.DivisionCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The share of a department's expert slots and beds held back for referrals (a local rule:
 * commonly at least 20%, set per city). Whole slots only, rounded down, so the public never loses
 * more than the rule asks.
 *
 * @param byCity share per prefecture code (e.g. "430100" → 0.25), overriding the default
 */
public record ReservedShare(BigDecimal defaultShare, Map<String, BigDecimal> byCity) {

    public ReservedShare {
        byCity = Map.copyOf(byCity);
    }

    public int of(int total, DivisionCode division) {
        BigDecimal share = division == null ? defaultShare : byCity.getOrDefault(division.cityCode().value(), defaultShare);
        return share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * What a department holds for referrals: what the hospital reserved itself, or the city's share
     * of the total when that is more. Only expert sessions (and wards) carry the rule.
     */
    public int reservedFor(int total, int reservedByHospital, boolean ruleApplies, DivisionCode division) {
        return ruleApplies ? Math.max(reservedByHospital, Math.min(total, of(total, division))) : reservedByHospital;
    }
}

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.scoring.ScoredEntityKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.ToLongFunction;

/**
 * How one report figure is made from a scope-period's running totals.
 *
 * @param denominator null for a volume
 * @param multiplier  1 for shares and averages, 10,000 for "per 10,000 visits"
 * @param scale       decimals of the ratio, rounded half-even
 */
record Figure(String name, Basis basis,
              ToLongFunction<long[]> numerator, Quantity.Unit numeratorUnit,
              ToLongFunction<long[]> denominator, Quantity.Unit denominatorUnit,
              long multiplier, int scale) {

    /** Which scopes a figure is reported for. */
    enum Basis {
        /** Where the activity took place: the institution and everything it belongs to. */
        TREATMENT,
        /** As {@link #TREATMENT}, but meaningless for a single institution (e.g. a share of levels). */
        TREATMENT_ABOVE_INSTITUTION,
        /** Where the patient lives: the county, city and province of residence and the covering alliances. */
        RESIDENCE
    }

    boolean appliesTo(ScoredEntityKind kind) {
        return basis == Basis.TREATMENT || kind != ScoredEntityKind.INSTITUTION;
    }

    /** The figure's value, or null when every part of it is zero (the report leaves it out). */
    FigureValue valueOf(long[] totals) {
        Quantity top = new Quantity(numerator.applyAsLong(totals), numeratorUnit);
        if (denominator == null) {
            return top.isZero() ? null : new FigureValue(top, null, null);
        }
        Quantity bottom = new Quantity(denominator.applyAsLong(totals), denominatorUnit);
        if (top.isZero() && bottom.isZero()) {
            return null;
        }
        BigDecimal ratio = bottom.isZero() ? null : top.toBigDecimal()
                .multiply(BigDecimal.valueOf(multiplier))
                .divide(bottom.toBigDecimal(), scale, RoundingMode.HALF_EVEN);
        return new FigureValue(top, bottom, ratio);
    }
}

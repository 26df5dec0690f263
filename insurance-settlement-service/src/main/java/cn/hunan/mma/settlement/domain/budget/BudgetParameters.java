package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * The area's rules for a package total (local rule, versioned configuration).
 *
 * @param growthRate       g: the allowed growth over last year's base spend (0.05 for 5%); may be negative
 * @param riskReserveRate  share of the grown spend the fund keeps back as a risk reserve
 * @param factorMethod     how the alliance's score adjusts the package; absent where the area
 *                         enters the adjustment by hand with each draft
 * @param firstHalfShare   the share of the approved annual package a first-half (mid-year) close settles
 *                         against; the second half takes the rest, so the halves add up to the package to the
 *                         fen; absent where the area gives a half-year's package with each close
 */
public record BudgetParameters(BigDecimal growthRate, BigDecimal riskReserveRate,
                               @JsonInclude(JsonInclude.Include.NON_NULL) FactorAdjustmentRule factorMethod,
                               @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal firstHalfShare) {

    /** The decimals a budget row stores the rates with. */
    public static final int RATE_DECIMALS = 6;

    public BudgetParameters(BigDecimal growthRate, BigDecimal riskReserveRate) {
        this(growthRate, riskReserveRate, null, null);
    }

    public BudgetParameters {
        if (growthRate == null || growthRate.abs().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("growthRate must be between -1 and 1");
        }
        Fractions.fraction(riskReserveRate, "riskReserveRate");
        // The budget row keeps both rates as NUMERIC(9, 6) and publishes them from there: a seventh decimal would be
        // used for the draft, then stored and published rounded, and the published inputs would not give its total.
        storable(growthRate, "growthRate");
        storable(riskReserveRate, "riskReserveRate");
        if (firstHalfShare != null) {
            Fractions.fraction(firstHalfShare, "firstHalfShare");
        }
    }

    private static void storable(BigDecimal rate, String name) {
        if (rate.stripTrailingZeros().scale() > RATE_DECIMALS) {
            throw new IllegalArgumentException(name + " has more than " + RATE_DECIMALS + " decimals: " + rate.toPlainString());
        }
    }

    /**
     * The package a half-year close settles against: the first half's share of the annual package rounded to the
     * fen, the second half the rest.
     *
     * @throws IllegalStateException when the area has no {@code firstHalfShare}
     */
    public Money halfYearPackage(Money annualPackage, int half) {
        if (firstHalfShare == null) {
            throw new IllegalStateException("the area's rules give no firstHalfShare");
        }
        Money firstHalf = annualPackage.times(firstHalfShare, Fractions.MONEY_ROUNDING);
        return half == 1 ? firstHalf : annualPackage.minus(firstHalf);
    }
}

package cn.hunan.mma.settlement.domain.budget;

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
 */
public record BudgetParameters(BigDecimal growthRate, BigDecimal riskReserveRate,
                               @JsonInclude(JsonInclude.Include.NON_NULL) FactorAdjustmentRule factorMethod) {

    public BudgetParameters(BigDecimal growthRate, BigDecimal riskReserveRate) {
        this(growthRate, riskReserveRate, null);
    }

    public BudgetParameters {
        if (growthRate == null || growthRate.abs().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("growthRate must be between -1 and 1");
        }
        Fractions.fraction(riskReserveRate, "riskReserveRate");
    }
}

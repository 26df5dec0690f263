package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.util.Objects;

/**
 * Last year's figures a package total starts from.
 *
 * @param baseSpend        fund spending on the covered population last year, out-of-area care included
 * @param carveOuts        spending paid outside the package (e.g. designated high-cost drugs)
 * @param factorAdjustment the factor-method adjustment, negative when the assessment lowers the package
 */
public record BudgetInputs(Money baseSpend, Money carveOuts, SignedMoney factorAdjustment) {

    public BudgetInputs {
        Objects.requireNonNull(baseSpend, "baseSpend");
        Objects.requireNonNull(carveOuts, "carveOuts");
        Objects.requireNonNull(factorAdjustment, "factorAdjustment");
    }
}

package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * An alliance's package total (总额) and every step of its arithmetic:
 * {@code P = base × (1 + g) − risk reserve − carve-outs ± factor adjustment}, where the risk reserve
 * is a share of the grown spend. Each product is rounded to the fen once, half-up.
 */
public record PackageBudget(BudgetInputs inputs, BudgetParameters parameters, Money grownSpend, Money riskReserve,
                            Money packageTotal) {

    public static PackageBudget compute(BudgetInputs inputs, BudgetParameters parameters) {
        Money grown = grownSpend(inputs.baseSpend(), parameters);
        Money reserve = grown.times(parameters.riskReserveRate(), Fractions.MONEY_ROUNDING);
        long net = grown.fen() - reserve.fen() - inputs.carveOuts().fen();
        if (net < 0) {
            throw new IllegalArgumentException("carve-outs exceed the grown spend net of the risk reserve");
        }
        long total = Math.addExact(net, inputs.factorAdjustment().fen());
        if (total < 0) {
            throw new IllegalArgumentException("the factor adjustment would make the package negative");
        }
        return new PackageBudget(inputs, parameters, grown, reserve, Money.ofFen(total));
    }

    /** base × (1 + g), rounded to the fen: what the reserve and the factor adjustment are shares of. */
    public static Money grownSpend(Money baseSpend, BudgetParameters parameters) {
        return baseSpend.times(BigDecimal.ONE.add(parameters.growthRate()), Fractions.MONEY_ROUNDING);
    }

    public Money baseSpend() {
        return inputs.baseSpend();
    }

    public Money carveOuts() {
        return inputs.carveOuts();
    }

    public SignedMoney factorAdjustment() {
        return inputs.factorAdjustment();
    }
}

package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import jakarta.ws.rs.BadRequestException;

/**
 * The alliance-specific figures an officer adds to last year's spend when requesting a draft.
 *
 * @param carveOuts        spending paid outside the package (yuan, e.g. "10000.00")
 * @param factorAdjustment the factor-method adjustment (yuan, signed; "0.00" when none); absent: computed
 *                         from the alliance's stored score of the base year by the area's factor method
 */
public record BudgetDraftRequest(Money carveOuts, SignedMoney factorAdjustment) {

    BudgetDraftRequest checked() {
        if (carveOuts == null) {
            throw new BadRequestException("carveOuts: required (\"0.00\" when none)");
        }
        return this;
    }
}

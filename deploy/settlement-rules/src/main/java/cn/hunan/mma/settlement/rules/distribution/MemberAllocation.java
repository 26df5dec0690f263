package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;

/**
 * One member's amount with the inputs a finance officer needs to check it by hand.
 *
 * @param weight     B × F
 * @param floor      the guaranteed minimum (zero when none applies)
 * @param heldAtFloor true when the proportional share fell below the floor, so the member got the floor
 */
public record MemberAllocation(InstitutionId institutionId, BigDecimal base, BigDecimal score, boolean primaryLevel,
                               BigDecimal weight, Money floor, boolean heldAtFloor, Money amount) {

    /** How the amount was reached, in words and numbers. */
    public String explanation(Money proportionalPool, BigDecimal weightSum) {
        if (heldAtFloor) {
            return "primary-level floor " + floor.toYuanString() + " (proportional share was lower)";
        }
        if (weightSum.signum() == 0) {
            // LargestRemainder splits equally when no member has a weight (a new alliance whose bases are all zero):
            // the formula below would read "× (0 × 86.93) / 0" for an amount that is not zero.
            return "every weight B × F is zero: " + proportionalPool.toYuanString()
                    + " split equally among the members sharing it, rounded to the fen by largest remainder";
        }
        return proportionalPool.toYuanString() + " × (" + base.toPlainString() + " × " + score.toPlainString() + ") / "
                + weightSum.toPlainString() + ", rounded to the fen by largest remainder";
    }
}

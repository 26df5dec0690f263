package cn.hunan.mma.events.care;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.Money;

/**
 * What an encounter cost and who paid: the basis of cost indicators and fund-spending shares.
 *
 * @param total       the whole bill (医疗总费用)
 * @param fundPaid    paid by the medical-insurance fund (统筹基金支付)
 * @param outOfPocket paid by the patient in cash (个人现金支付); the rest may come from the
 *                    personal account or other schemes, so the parts need not add up to the total
 */
public record Charges(Money total, Money fundPaid, Money outOfPocket) {

    public Charges {
        Checks.present(total, "total");
        Checks.present(fundPaid, "fundPaid");
        Checks.present(outOfPocket, "outOfPocket");
        Checks.require(!fundPaid.plus(outOfPocket).isGreaterThan(total), "total",
                "fund-paid and out-of-pocket amounts together cannot exceed the total");
    }
}

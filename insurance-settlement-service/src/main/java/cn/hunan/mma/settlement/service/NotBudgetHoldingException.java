package cn.hunan.mma.settlement.service;

import cn.hunan.mma.settlement.persistence.AllianceEntity;

/** A specialty alliance (专科联盟) links one specialty across regions and holds no global budget to draft or close: HTTP 409. */
public class NotBudgetHoldingException extends RuntimeException {

    public NotBudgetHoldingException(String message) {
        super(message);
    }

    /** Refuses a budget or a close of an alliance that holds no budget. */
    public static void refuseUnlessBudgetHolding(AllianceEntity alliance) {
        if (!alliance.holdsBudget()) {
            throw new NotBudgetHoldingException("allianceId: " + alliance.id() + " is a specialty alliance (" + alliance.kind()
                    + "); only close-knit alliances (county medical communities, city medical groups) hold a global budget");
        }
    }
}

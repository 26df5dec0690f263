package cn.hunan.mma.settlement.service;

/**
 * A draft whose base year holds no settled case and no visit of the covered residents is not approved (see
 * {@code BudgetDecision.EmptyBase}): HTTP 409 until the base's data is in and the draft is computed again.
 */
public class EmptyBaseException extends RuntimeException {
    public EmptyBaseException(String message) {
        super(message);
    }
}

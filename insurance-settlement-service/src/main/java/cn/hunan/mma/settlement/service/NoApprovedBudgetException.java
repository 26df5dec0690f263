package cn.hunan.mma.settlement.service;

/** A year-end close without a package total, for a year whose budget is not approved: HTTP 409. */
public class NoApprovedBudgetException extends RuntimeException {
    public NoApprovedBudgetException(String message) {
        super(message);
    }
}

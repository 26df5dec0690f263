package cn.hunan.mma.settlement.service;

/** The year's budget is already approved, or was approved concurrently: HTTP 409. */
public class BudgetConflictException extends RuntimeException {
    public BudgetConflictException(String message) {
        super(message);
    }
}

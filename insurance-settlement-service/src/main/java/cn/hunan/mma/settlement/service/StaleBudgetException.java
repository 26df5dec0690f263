package cn.hunan.mma.settlement.service;

/** The approval quotes a draft version that is no longer current: HTTP 412, review the new draft. */
public class StaleBudgetException extends RuntimeException {
    public StaleBudgetException(String message) {
        super(message);
    }
}

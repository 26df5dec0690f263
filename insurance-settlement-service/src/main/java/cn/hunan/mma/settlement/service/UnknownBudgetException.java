package cn.hunan.mma.settlement.service;

/** No such alliance in the matrix, or no draft for the year: HTTP 404. */
public class UnknownBudgetException extends RuntimeException {
    public UnknownBudgetException(String message) {
        super(message);
    }
}

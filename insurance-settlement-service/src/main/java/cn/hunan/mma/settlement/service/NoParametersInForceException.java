package cn.hunan.mma.settlement.service;

/** No parameter version of the division's areas is in force on the date: nothing can be computed (HTTP 409). */
public class NoParametersInForceException extends RuntimeException {
    public NoParametersInForceException(String message) {
        super(message);
    }
}

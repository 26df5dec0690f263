package cn.hunan.mma.settlement.service;

/** No declared base stands for the alliance and year, so none can be withdrawn: HTTP 404. */
public class NoDeclaredBaseException extends RuntimeException {
    public NoDeclaredBaseException(String message) {
        super(message);
    }
}

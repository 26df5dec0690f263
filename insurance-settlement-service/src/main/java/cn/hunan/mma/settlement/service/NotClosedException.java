package cn.hunan.mma.settlement.service;

/** There is no standing close to reopen, read or export: HTTP 404. */
public class NotClosedException extends RuntimeException {
    public NotClosedException(String message) {
        super(message);
    }
}

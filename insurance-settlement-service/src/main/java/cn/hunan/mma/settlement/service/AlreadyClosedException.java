package cn.hunan.mma.settlement.service;

/** The period already has a standing close: HTTP 409; a correction goes through an audited reopen. */
public class AlreadyClosedException extends RuntimeException {
    public AlreadyClosedException(String message) {
        super(message);
    }
}

package cn.hunan.mma.platform.outbox;

/** The relay cannot start or keep running; the message says what to fix. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message) {
        super(message);
    }

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}

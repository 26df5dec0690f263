package cn.hunan.mma.platform.messaging;

/**
 * Work that found, as it wrote, that a row it had read was changed by another transaction meanwhile: its decision rests
 * on what no longer holds. Thrown inside the work's transaction (which rolls back), it is transient to
 * {@link DatabaseOutages}: the work is done again afresh and reads the row as it is now.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}

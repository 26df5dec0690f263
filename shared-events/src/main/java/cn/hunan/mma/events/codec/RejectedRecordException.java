package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Thrown by the contract's Kafka deserializers for a payload the codec rejects. Being a
 * {@link SerializationException}, Kafka Streams' deserialization handlers and SmallRye's failure
 * handlers see it and can route the raw record to the dead-letter topic with {@link #reason()}.
 */
public final class RejectedRecordException extends SerializationException {

    private final Reason reason;
    private final String path;

    public RejectedRecordException(Reason reason, String path, String message) {
        super(reason + " at " + path + ": " + message);
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    public String path() {
        return path;
    }

    /** The explanation without the reason and path prefix. */
    public String detail() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }

    /** Rejections are routine on a busy topic; a stack trace per bad record buys nothing. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

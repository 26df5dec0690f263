package cn.hunan.mma.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import cn.hunan.mma.events.codec.NationalIdMask;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Says why the contract refused a record, in the platform's dead-letter headers.
 *
 * <p>SmallRye calls this after a failed deserialization, having already marked the record for the
 * dead-letter queue (failure strategy {@code dead-letter-queue}); it then sends the original bytes
 * to the DLT with every header of the record, these included, and the consumer moves on. A
 * deserializer does not know the record's partition and offset, so the DLT record carries them in
 * SmallRye's own {@code dead-letter-partition} and {@code dead-letter-offset} headers rather than
 * in {@link DeadLetterHeaders#SOURCE_PARTITION} / {@link DeadLetterHeaders#SOURCE_OFFSET}.
 */
@ApplicationScoped
@Identifier(ContractRecordRejections.NAME)
public class ContractRecordRejections implements DeserializationFailureHandler<ContractRecord> {

    /** Referenced by {@code value-deserialization-failure-handler} in application.properties. */
    public static final String NAME = "contract-record-rejections";

    /**
     * {@code mma_contract_rejections_total{topic, reason}} on {@code /q/metrics}: the records each topic dead-lettered
     * for the contract's reason ({@code UNREADABLE} for a failure that is not a contract rejection), so operations see
     * a producer sending bad records without reading the dead-letter topics.
     */
    static final String REJECTIONS = "mma.contract.rejections";
    static final String UNREADABLE = "UNREADABLE";

    /** SmallRye's headers holding the refused record's bytes (the DLT record's value comes from them). */
    private static final List<String> RECORD_BYTES = List.of(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA,
            DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA,
            DeserializationFailureHandler.DESERIALIZATION_FAILURE_KEY_DATA);
    /** SmallRye's failure messages, which may quote them. */
    private static final List<String> FAILURE_MESSAGES = List.of(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON,
            DeserializationFailureHandler.DESERIALIZATION_FAILURE_CAUSE);

    private final MeterRegistry meters;

    public ContractRecordRejections(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ContractRecord handleDeserializationFailure(String topic, boolean isKey, String deserializer,
                                                       byte[] data, Exception exception, Headers headers) {
        RejectedRecordException rejected = rejectionIn(exception);
        mask(headers, rejected != null ? rejected.reason() : null);
        if (rejected != null) {
            put(headers, DeadLetterHeaders.REASON, rejected.reason().name());
            put(headers, DeadLetterHeaders.PATH, rejected.path());
            put(headers, DeadLetterHeaders.MESSAGE, rejected.detail());
            put(headers, DeadLetterHeaders.SOURCE_TOPIC, topic);
        }
        count(meters, topic, rejected != null ? rejected.reason() : null);
        // No value: the record is dead-lettered, not delivered.
        return null;
    }

    /**
     * Counts a record dead-lettered from the topic for the contract's reason, or as {@code UNREADABLE} (null). Also for
     * consumers that dead-letter outside SmallRye (the scorer's stream), so that every service counts on one meter.
     */
    public static void count(MeterRegistry meters, String topic, Reason reason) {
        meters.counter(REJECTIONS, "topic", topic, "reason", reason != null ? reason.name() : UNREADABLE).increment();
    }

    private static void mask(Headers headers, Reason reason) {
        RECORD_BYTES.forEach(name -> replace(headers, name, bytes -> NationalIdMask.forDeadLetter(bytes, reason)));
        boolean anywhere = reason == Reason.NATIONAL_ID_IN_PSEUDONYM;
        FAILURE_MESSAGES.forEach(name -> replace(headers, name, bytes -> NationalIdMask.masked(bytes, anywhere)));
    }

    private static void replace(Headers headers, String name, UnaryOperator<byte[]> masking) {
        List<byte[]> values = new ArrayList<>();
        headers.headers(name).forEach(kept -> values.add(kept.value()));
        if (!values.isEmpty()) {
            headers.remove(name);
            values.forEach(value -> headers.add(name, masking.apply(value)));
        }
    }

    // The connector may wrap the deserializer's exception.
    private static RejectedRecordException rejectionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedRecordException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

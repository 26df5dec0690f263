package cn.hunan.mma.events.envelope;

import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.common.header.Headers;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a record sits on a dead-letter topic, in headers next to the untouched original bytes (and
 * its CloudEvents headers, if it had any). The one place these header names are spelt.
 *
 * @param path         JSON path of the offending value, "$" for the whole payload, "key" for the key
 * @param message      what was expected; never the rejected value
 * @param sourceOffset offset of the original record, to find it again
 */
public record DeadLetterHeaders(Reason reason, String path, String message,
                                String sourceTopic, int sourcePartition, long sourceOffset) {

    public static final String REASON = "mma_dlt_reason";
    public static final String PATH = "mma_dlt_path";
    public static final String MESSAGE = "mma_dlt_message";
    public static final String SOURCE_TOPIC = "mma_dlt_source_topic";
    public static final String SOURCE_PARTITION = "mma_dlt_source_partition";
    public static final String SOURCE_OFFSET = "mma_dlt_source_offset";

    public DeadLetterHeaders {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
    }

    /** Adds the headers, replacing any from an earlier dead-lettering. */
    public void writeTo(Headers headers) {
        TextHeaders.put(headers, REASON, reason.name());
        TextHeaders.put(headers, PATH, path);
        TextHeaders.put(headers, MESSAGE, message);
        TextHeaders.put(headers, SOURCE_TOPIC, sourceTopic);
        TextHeaders.put(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
        TextHeaders.put(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
    }

    /** Reads the headers back; empty when the record was not dead-lettered by our code. */
    public static Optional<DeadLetterHeaders> readFrom(Headers headers) {
        String reason = TextHeaders.text(headers, REASON);
        String topic = TextHeaders.text(headers, SOURCE_TOPIC);
        if (reason == null || topic == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeadLetterHeaders(Reason.valueOf(reason), orEmpty(TextHeaders.text(headers, PATH)),
                    orEmpty(TextHeaders.text(headers, MESSAGE)), topic, Integer.parseInt(orEmpty(TextHeaders.text(headers, SOURCE_PARTITION))),
                    Long.parseLong(orEmpty(TextHeaders.text(headers, SOURCE_OFFSET)))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

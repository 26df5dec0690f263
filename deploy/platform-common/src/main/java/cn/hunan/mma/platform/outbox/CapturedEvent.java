package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An outbox row as it came out of the write-ahead log and the event router, ready to be sent.
 *
 * @param committedAt when the row's transaction committed in PostgreSQL, if Debezium reported it
 */
record CapturedEvent(String topic, String key, String eventId, String type, Instant occurredAt, String payload,
                     Optional<Instant> committedAt) {

    /** Reads a record routed by the event router; fails loudly if the router was misconfigured. */
    static CapturedEvent from(SourceRecord routed) {
        return new CapturedEvent(routed.topic(),
                requireText(routed, routed.key(), "key"),
                requireHeader(routed, OutboxEngineProperties.EVENT_ID_HEADER),
                requireHeader(routed, OutboxEngineProperties.EVENT_TYPE_HEADER),
                // Debezium renders timestamptz as ISO-8601 text with an offset.
                OffsetDateTime.parse(requireHeader(routed, OutboxEngineProperties.OCCURRED_AT_HEADER)).toInstant(),
                requireText(routed, routed.value(), "payload"),
                commitTime(routed));
    }

    static boolean isHeartbeat(SourceRecord record) {
        return record.topic().startsWith(OutboxEngineProperties.HEARTBEAT_TOPIC_PREFIX);
    }

    /**
     * The Kafka record: key and payload unchanged, CloudEvents binary-mode headers, and Debezium's
     * {@code id} header for consumers written against the plain outbox pattern. No timestamp: the
     * broker's send time, because a back-dated {@code occurred_at} as record time would make
     * time-based retention delete the record early.
     */
    ProducerRecord<String, String> toProducerRecord(URI source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add(OutboxEngineProperties.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(eventId, type, source, occurredAt));
        return record;
    }

    private static Optional<Instant> commitTime(SourceRecord record) {
        Header header = record.headers().lastWithName(CommitTimestampHeader.HEADER);
        if (header == null || !(header.value() instanceof Long micros)) {
            return Optional.empty();
        }
        return Optional.of(Instant.EPOCH.plusNanos(micros * 1_000));
    }

    private static String requireHeader(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return requireText(record, header == null ? null : header.value(), "header " + name);
    }

    private static String requireText(SourceRecord record, Object value, String what) {
        if (value == null || value.toString().isBlank()) {
            throw new OutboxRelayException("outbox record for topic " + record.topic() + " has no " + what
                    + "; is the event router configured for the outbox table?");
        }
        return value.toString();
    }
}

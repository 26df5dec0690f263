package cn.hunan.mma.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event a service publishes through its outbox: everything the relay needs, nothing it has to
 * parse. The payload is the JSON text exactly as the event codec wrote it; the relay sends those
 * characters unchanged.
 *
 * @param topic      the Kafka topic the event goes to (stored as {@code aggregatetype})
 * @param key        the record key, usually the aggregate's id (stored as {@code aggregateid}); it
 *                   fixes the partition, so events of one aggregate stay in commit order
 * @param eventId    the event id, sent as {@code ce_id}; consumers deduplicate on it
 * @param type       the event type name, sent as {@code ce_type}
 * @param occurredAt when the business fact happened, sent as {@code ce_time}
 * @param payload    the event as JSON text
 */
public record OutboxEvent(String topic, String key, UUID eventId, String type, Instant occurredAt, String payload) {

    public OutboxEvent {
        requireText(topic, "topic");
        requireText(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        requireText(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(payload, "payload");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("outbox event " + name + " must not be blank");
        }
    }
}

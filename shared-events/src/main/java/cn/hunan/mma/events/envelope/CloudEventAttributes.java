package cn.hunan.mma.events.envelope;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 context attributes every record on our topics carries in Kafka headers
 * (binary content mode), so the province's integration can route records without parsing payloads.
 *
 * @param id     the event id; consumers deduplicate on it
 * @param type   the event type name, equal to the payload's {@code type} field
 * @param source the producing service or institution system, as a URI reference
 * @param time   when the business fact happened
 */
public record CloudEventAttributes(String id, String type, URI source, Instant time) {

    /** The only CloudEvents version we write and accept. */
    public static final String SPEC_VERSION = "1.0";

    public CloudEventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        if (id.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("CloudEvents id and type must not be blank");
        }
    }

    /** The attributes of a contract record: its event id, wire type name and occurrence time. */
    public static CloudEventAttributes of(ContractRecord record, URI source) {
        return new CloudEventAttributes(record.eventId().value(), EventTypes.nameOf(record), source, record.occurredAt());
    }
}

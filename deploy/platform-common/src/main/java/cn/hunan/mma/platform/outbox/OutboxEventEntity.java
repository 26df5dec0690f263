package cn.hunan.mma.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code outbox} table (migration {@code db/outbox/R__mma_outbox.sql}). A service
 * persists one in the same transaction as the state change it announces; the relay streams the
 * insert from the write-ahead log to Kafka and deletes the row afterwards. Rows are never updated.
 *
 * <p>Column names follow Debezium's outbox event router ({@code aggregatetype} is the destination
 * topic, {@code aggregateid} the record key) so the router needs no per-column configuration.
 */
@Entity
@Table(name = "outbox")
public class OutboxEventEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "aggregatetype", nullable = false, updatable = false)
    private String aggregateType;

    @Column(name = "aggregateid", nullable = false, updatable = false)
    private String aggregateId;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** For Jakarta Persistence only; services build rows with {@link #of(OutboxEvent)}. */
    protected OutboxEventEntity() {
    }

    private OutboxEventEntity(OutboxEvent event) {
        this.id = event.eventId();
        this.aggregateType = event.topic();
        this.aggregateId = event.key();
        this.type = event.type();
        this.payload = event.payload();
        this.occurredAt = event.occurredAt();
    }

    /** The row that publishes {@code event}; persist it in the transaction that makes the event true. */
    public static OutboxEventEntity of(OutboxEvent event) {
        return new OutboxEventEntity(event);
    }

    /** Shorthand for {@code of(new OutboxEvent(topic, key, eventId, type, occurredAt, payload))}. */
    public static OutboxEventEntity of(String topic, String key, UUID eventId, String type, Instant occurredAt,
                                       String payload) {
        return of(new OutboxEvent(topic, key, eventId, type, occurredAt, payload));
    }

    public UUID getId() {
        return id;
    }

    public String getAggregateType() {
        return aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}

package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.MatrixSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.UUID;

/** The snapshot a row was last published with: consumers deduplicate by this id. */
@Embeddable
public class PublishedEvent {

    @Column(name = "last_event_id", nullable = false)
    UUID eventId;

    @Column(name = "last_event_at", nullable = false)
    Instant occurredAt;

    protected PublishedEvent() {
    }

    static PublishedEvent of(MatrixSnapshot snapshot) {
        PublishedEvent published = new PublishedEvent();
        published.eventId = snapshot.eventId().asUuid();
        published.occurredAt = snapshot.occurredAt();
        return published;
    }

    public UUID eventId() {
        return eventId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}

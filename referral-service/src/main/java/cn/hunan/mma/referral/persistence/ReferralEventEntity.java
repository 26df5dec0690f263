package cn.hunan.mma.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a referral's timeline: the event it published and who caused it. Read here; written
 * by {@link ReferralRows} with the transition's outbox rows in one statement. Never updated.
 */
@Entity
@Table(name = "referral_event")
public class ReferralEventEntity {

    @Id
    @Column(name = "event_id")
    UUID eventId;
    @Column(name = "referral_id", nullable = false)
    String referralId;
    @Column(name = "sequence", nullable = false)
    int sequence;
    @Column(name = "type", nullable = false)
    String type;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "actor", nullable = false)
    String actor;
    @Column(name = "payload", nullable = false)
    String payload;

    protected ReferralEventEntity() {
    }

    public UUID eventId() { return eventId; }
    public int sequence() { return sequence; }
    public String type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String payload() { return payload; }
}

package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.registry.EventTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One step of a referral's timeline: the event it published and who caused it. Never updated. */
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

    /** @param sequence the referral's version before the transition: 0 for the request, then 1, 2, … */
    public static ReferralEventEntity of(ReferralEvent event, int sequence, String actor) {
        ReferralEventEntity entity = new ReferralEventEntity();
        entity.eventId = event.eventId().asUuid();
        entity.referralId = event.referralId().value();
        entity.sequence = sequence;
        entity.type = EventTypes.nameOf(event);
        entity.occurredAt = event.occurredAt();
        entity.actor = actor;
        entity.payload = new String(ContractCodec.standard().encode(event), StandardCharsets.UTF_8);
        return entity;
    }

    public UUID eventId() { return eventId; }
    public int sequence() { return sequence; }
    public String type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String payload() { return payload; }
}

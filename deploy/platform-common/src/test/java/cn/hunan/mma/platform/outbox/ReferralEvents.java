package cn.hunan.mma.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Outbox events of the referral service, as the relay tests write them. */
final class ReferralEvents {

    private final String topic;

    ReferralEvents(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** A new event for the referral; PostgreSQL keeps microseconds, so the time is cut to them. */
    OutboxEvent next(String referralId, String type) {
        // Non-ASCII text and spacing the relay must pass through byte for byte.
        String payload = "{\"referralId\": \"" + referralId + "\", \"type\": \"" + type + "\", \"note\": \"基层首诊，上转\"}";
        return new OutboxEvent(topic, referralId, UUID.randomUUID(), type,
                Instant.now().truncatedTo(ChronoUnit.MICROS), payload);
    }
}

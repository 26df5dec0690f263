package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxEventTest {

    private static final UUID EVENT_ID = UUID.fromString("3f2b0c1e-7d4a-4e8b-9a61-2c5d8e7f9a10");
    private static final Instant OCCURRED_AT = Instant.parse("2025-03-01T08:30:00.123456Z");

    @Test
    void rejects_a_blank_topic() {
        assertThatThrownBy(() -> new OutboxEvent(" ", "R-1", EVENT_ID, "ReferralRequested", OCCURRED_AT, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void rejects_an_event_without_a_key() {
        assertThatThrownBy(() -> new OutboxEvent(Topics.REFERRALS.name(), null, EVENT_ID, "ReferralRequested", OCCURRED_AT, "{}"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key");
    }

    @Test
    void rejects_an_empty_payload() {
        assertThatThrownBy(() -> new OutboxEvent(Topics.REFERRALS.name(), "R-1", EVENT_ID, "ReferralRequested", OCCURRED_AT, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void entity_stores_the_topic_as_aggregate_type_and_the_key_as_aggregate_id() {
        OutboxEventEntity row = OutboxEventEntity.of(Topics.REFERRALS.name(), "R-1", EVENT_ID, "ReferralRequested",
                OCCURRED_AT, "{\"referralId\":\"R-1\"}");

        assertThat(row.getId()).isEqualTo(EVENT_ID);
        assertThat(row.getAggregateType()).isEqualTo(Topics.REFERRALS.name());
        assertThat(row.getAggregateId()).isEqualTo("R-1");
        assertThat(row.getType()).isEqualTo("ReferralRequested");
        assertThat(row.getOccurredAt()).isEqualTo(OCCURRED_AT);
        assertThat(row.getPayload()).isEqualTo("{\"referralId\":\"R-1\"}");
    }
}

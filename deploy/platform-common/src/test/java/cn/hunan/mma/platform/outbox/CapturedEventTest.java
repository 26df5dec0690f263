package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapturedEventTest {

    private static final String EVENT_ID = "3f2b0c1e-7d4a-4e8b-9a61-2c5d8e7f9a10";
    private static final String PAYLOAD = "{\"referralId\":\"R-1\",\"reason\":\"上转\"}";
    private static final URI SOURCE = URI.create("/mma/referral-service");

    @Test
    void becomes_a_record_with_cloud_events_headers_and_the_payload_unchanged() {
        CapturedEvent event = CapturedEvent.from(routed(headers()
                .addString("id", EVENT_ID)
                .addString("eventType", "ReferralRequested")
                .addString("occurredAt", "2025-03-01T08:30:00.123456Z")));

        ProducerRecord<String, String> record = event.toProducerRecord(SOURCE);

        assertThat(record.topic()).isEqualTo(Topics.REFERRALS.name());
        assertThat(record.key()).isEqualTo("R-1");
        assertThat(record.value()).isEqualTo(PAYLOAD);
        assertThat(record.timestamp()).as("broker time, not the business time").isNull();
        assertThat(CloudEventHeaders.read(record.headers())).isEqualTo(new CloudEventHeaders.Result.Present(
                new CloudEventAttributes(EVENT_ID, "ReferralRequested", SOURCE, Instant.parse("2025-03-01T08:30:00.123456Z"))));
        assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8)).isEqualTo(EVENT_ID);
    }

    @Test
    void reads_the_commit_time_left_by_the_commit_timestamp_transform() {
        CapturedEvent event = CapturedEvent.from(routed(headers()
                .addString("id", EVENT_ID)
                .addString("eventType", "ReferralRequested")
                .addString("occurredAt", "2025-03-01T16:30:00+08:00")
                .addLong(CommitTimestampHeader.HEADER, 1_740_817_800_123_456L)));

        assertThat(event.committedAt()).contains(Instant.parse("2025-03-01T08:30:00.123456Z"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T08:30:00Z"));
    }

    @Test
    void fails_loudly_when_the_router_left_no_event_id() {
        SourceRecord withoutId = routed(headers()
                .addString("eventType", "ReferralRequested")
                .addString("occurredAt", "2025-03-01T08:30:00Z"));

        assertThatThrownBy(() -> CapturedEvent.from(withoutId))
                .isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("header id")
                .hasMessageContaining(Topics.REFERRALS.name());
    }

    @Test
    void recognises_heartbeats_by_their_topic() {
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__mma-outbox-heartbeat.referral_outbox", null, null);

        assertThat(CapturedEvent.isHeartbeat(heartbeat)).isTrue();
        assertThat(CapturedEvent.isHeartbeat(routed(headers()))).isFalse();
    }

    private static ConnectHeaders headers() {
        return new ConnectHeaders();
    }

    private static SourceRecord routed(Headers headers) {
        return new SourceRecord(Map.of(), Map.of(), Topics.REFERRALS.name(), null,
                Schema.STRING_SCHEMA, "R-1", Schema.STRING_SCHEMA, PAYLOAD, null, headers);
    }
}

package cn.hunan.mma.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxBatchTest {

    private static final Instant COMMITTED = Instant.parse("2026-11-24T00:30:00.123456Z");

    @Test
    void a_batch_row_expands_to_its_events_unchanged_and_in_order() {
        List<OutboxEvent> events = List.of(
                event("mma.insurance.case-settlements", "4301020001", "{\"a\": \"结算 \\\"quoted\\\" \\u00e9\"}\n", "2025-03-01T08:00:00Z"),
                event("mma.insurance.case-settlements", "4301020002", "{\"b\":2}", "2025-03-01T08:00:00.000001Z"),
                event("mma.insurance.budgets", "A-1:2025", "{\"c\":[1,2,3]}", "2025-12-31T23:59:59.999999Z"));

        List<OutboxEvent> rows = OutboxBatch.rows(events);

        assertThat(rows).hasSize(1);
        OutboxEvent row = rows.get(0);
        assertThat(row.type()).isEqualTo(OutboxBatch.TYPE);
        List<CapturedEvent> expanded = OutboxBatch.expand(captured(row)).orElseThrow();
        assertThat(expanded).containsExactly(
                captured(events.get(0)), captured(events.get(1)), captured(events.get(2)));
    }

    @Test
    void a_row_holds_at_most_a_thousand_events_and_the_rows_keep_their_order() {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            events.add(event("t", "k" + i, "{\"i\":" + i + "}", "2025-01-01T00:00:00Z"));
        }

        List<OutboxEvent> rows = OutboxBatch.rows(events);

        assertThat(rows).extracting(row -> OutboxBatch.expand(captured(row)).orElseThrow().size()).containsExactly(1_000, 1_000, 1);
        List<String> keys = rows.stream().flatMap(row -> OutboxBatch.expand(captured(row)).orElseThrow().stream())
                .map(CapturedEvent::key).toList();
        assertThat(keys).isEqualTo(events.stream().map(OutboxEvent::key).toList());
    }

    @Test
    void the_same_events_give_the_same_row_id_and_other_events_another() {
        List<OutboxEvent> events = List.of(event("t", "k", "{}", "2025-01-01T00:00:00Z"));
        List<OutboxEvent> others = List.of(event("t", "k", "{}", "2025-01-01T00:00:00Z"));

        assertThat(OutboxBatch.rows(events).get(0).eventId()).isEqualTo(OutboxBatch.rows(events).get(0).eventId())
                .isNotEqualTo(OutboxBatch.rows(others).get(0).eventId());
        assertThat(OutboxBatch.rows(List.of())).isEmpty();
    }

    @Test
    void an_ordinary_row_is_not_expanded() {
        assertThat(OutboxBatch.expand(captured(event("t", "k", "[]", "2025-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void a_batch_row_with_an_incomplete_event_stops_the_relay_loudly() {
        CapturedEvent row = new CapturedEvent("t", "k", UUID.randomUUID().toString(), OutboxBatch.TYPE, COMMITTED,
                "[{\"topic\":\"t\",\"key\":\"k\",\"id\":\"x\",\"type\":\"T\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}]",
                Optional.of(COMMITTED));

        assertThatThrownBy(() -> OutboxBatch.expand(row)).isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("holds an event without payload");
    }

    @Test
    void a_batch_row_that_is_not_an_array_of_events_stops_the_relay_loudly() {
        CapturedEvent row = new CapturedEvent("t", "k", UUID.randomUUID().toString(), OutboxBatch.TYPE, COMMITTED,
                "{\"topic\":\"t\"}", Optional.of(COMMITTED));

        assertThatThrownBy(() -> OutboxBatch.expand(row)).isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("is not a JSON array of events");
    }

    @Test
    void an_object_payload_is_embedded_unescaped_and_cut_back_out_character_for_character() {
        String payload = "{\"type\":\"CaseSettled\",\"note\":\"a \\\"quoted\\\" \\\\ 结算 \\u00e9\",\"n\":[1,{\"x\":{}}],\"t\":\"}\"}";
        List<OutboxEvent> events = List.of(event("t", "k", payload, "2025-03-01T08:00:00Z"),
                event("t", "k2", "{}", "2025-03-01T08:00:00Z"));

        OutboxEvent row = OutboxBatch.rows(events).get(0);

        // Embedded as the object itself, not as an escaped string.
        assertThat(row.payload()).contains("\"payload\":" + payload + "}").contains("\"payload\":{}}");
        assertThat(OutboxBatch.expand(captured(row)).orElseThrow()).containsExactly(
                captured(events.get(0)), captured(events.get(1)));
    }

    @Test
    void a_payload_between_braces_that_is_not_one_json_object_goes_in_as_a_string_and_comes_out_unchanged() {
        // Each would make the row unreadable if embedded raw, and stop the relay on it for good.
        List<String> malformed = List.of("{\"a\":1}{\"b\":2}", "{\"a\": \"}", "{\"a\":1,}", "{\"a\" 1}", "{]}",
                "{\"a\":1}}", "{/* comment */}");
        List<OutboxEvent> events = new ArrayList<>();
        malformed.forEach(payload -> events.add(event("t", "k" + events.size(), payload, "2025-03-01T08:00:00Z")));

        OutboxEvent row = OutboxBatch.rows(events).get(0);

        malformed.forEach(payload -> assertThat(row.payload()).doesNotContain("\"payload\":" + payload));
        assertThat(OutboxBatch.expand(captured(row)).orElseThrow()).extracting(CapturedEvent::payload)
                .containsExactlyElementsOf(malformed);
    }

    @Test
    void a_row_written_with_string_payloads_by_an_older_build_expands_as_before() {
        String row = "[{\"topic\":\"t\",\"key\":\"k\",\"id\":\"e1\",\"type\":\"T\","
                + "\"occurredAt\":\"2025-01-01T00:00:00.5Z\",\"payload\":\"{\\\"a\\\":\\\"\\\\u00e9\\\"}\"}]";

        List<CapturedEvent> expanded = OutboxBatch.expand(new CapturedEvent("t", "k", "r", OutboxBatch.TYPE, COMMITTED,
                row, Optional.of(COMMITTED))).orElseThrow();

        assertThat(expanded).containsExactly(new CapturedEvent("t", "k", "e1", "T",
                Instant.parse("2025-01-01T00:00:00.500Z"), "{\"a\":\"\\u00e9\"}", Optional.of(COMMITTED)));
    }

    @Test
    void times_outside_the_fast_path_are_read_as_instant_parse_reads_them() {
        for (String time : List.of("+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
                "1970-01-01T00:00:00Z", "2025-06-30T23:59:59.123456789Z")) {
            OutboxEvent event = event("t", "k", "{}", time);

            List<CapturedEvent> expanded = OutboxBatch.expand(captured(OutboxBatch.rows(List.of(event)).get(0))).orElseThrow();

            assertThat(expanded).extracting(CapturedEvent::occurredAt).containsExactly(Instant.parse(time));
        }
        String offset = "[{\"topic\":\"t\",\"key\":\"k\",\"id\":\"e\",\"type\":\"T\","
                + "\"occurredAt\":\"2025-01-01T08:00:00+08:00\",\"payload\":{}}]";
        assertThat(OutboxBatch.expand(new CapturedEvent("t", "k", "r", OutboxBatch.TYPE, COMMITTED, offset,
                Optional.of(COMMITTED))).orElseThrow()).extracting(CapturedEvent::occurredAt)
                .containsExactly(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void a_batch_row_with_a_blank_time_or_a_number_field_stops_the_relay_loudly() {
        CapturedEvent blankTime = new CapturedEvent("t", "k", UUID.randomUUID().toString(), OutboxBatch.TYPE, COMMITTED,
                "[{\"topic\":\"t\",\"key\":\"k\",\"id\":\"x\",\"type\":\"T\",\"occurredAt\":\" \",\"payload\":{}}]",
                Optional.of(COMMITTED));
        CapturedEvent numberKey = new CapturedEvent("t", "k", UUID.randomUUID().toString(), OutboxBatch.TYPE, COMMITTED,
                "[{\"topic\":\"t\",\"key\":3,\"id\":\"x\",\"type\":\"T\",\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{}}]",
                Optional.of(COMMITTED));

        assertThatThrownBy(() -> OutboxBatch.expand(blankTime)).isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("holds an event without occurredAt");
        assertThatThrownBy(() -> OutboxBatch.expand(numberKey)).isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("whose fields are all strings");
    }

    private static OutboxEvent event(String topic, String key, String payload, String occurredAt) {
        return new OutboxEvent(topic, key, UUID.randomUUID(), "CaseSettled", Instant.parse(occurredAt), payload);
    }

    private static CapturedEvent captured(OutboxEvent event) {
        return new CapturedEvent(event.topic(), event.key(), event.eventId().toString(), event.type(), event.occurredAt(),
                event.payload(), Optional.of(COMMITTED));
    }
}

package cn.hunan.mma.platform.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Many events in one outbox row, for a service that publishes thousands of events per transaction
 * (case settlement: one {@code CaseSettled} per discharge). The relay's cost is per row: decoding
 * from the WAL, Debezium's routing, the delete afterwards. A batch row pays it once for up to
 * {@link #MAX_EVENTS_PER_ROW} events, and the relay expands it again: Kafka still gets one record
 * per event, with that event's topic, key, id, type and time, exactly as if each had had its own
 * row. The outbox stays the only publish path, and the batch row commits with the state change.
 *
 * <p>The row is marked by its type {@value #TYPE}; its payload is a JSON array of the events, each
 * event's own payload embedded as a JSON string so its characters reach Kafka unchanged.
 */
public final class OutboxBatch {

    /** The {@code type} of a batch row; no event type of the contract is spelt like this. */
    public static final String TYPE = "mma.outbox.batch";
    /**
     * Events per row: a row of ~1,000 events of ~0.6 KB stays well below PostgreSQL's and the
     * replication protocol's limits (1 GB per value) and keeps one expanded batch small in memory.
     */
    public static final int MAX_EVENTS_PER_ROW = 1_000;

    private static final JsonFactory JSON = new JsonFactory();
    // The fields of one event inside a batch row: the row's columns.
    private static final String TOPIC = "topic";
    private static final String KEY = "key";
    private static final String ID = "id";
    private static final String EVENT_TYPE = "type";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String PAYLOAD = "payload";
    private static final List<String> FIELDS = List.of(TOPIC, KEY, ID, EVENT_TYPE, OCCURRED_AT, PAYLOAD);

    private OutboxBatch() {
    }

    /**
     * The rows that carry {@code events}, in their order, {@link #MAX_EVENTS_PER_ROW} at most per row.
     * Each row's id is derived from the ids of its events, so writing the same events again gives
     * the same row ids (and the table's primary key refuses the duplicate).
     */
    public static List<OutboxEvent> rows(List<OutboxEvent> events) {
        List<OutboxEvent> rows = new ArrayList<>((events.size() + MAX_EVENTS_PER_ROW - 1) / MAX_EVENTS_PER_ROW);
        for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_ROW) {
            rows.add(row(events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_ROW))));
        }
        return rows;
    }

    private static OutboxEvent row(List<OutboxEvent> events) {
        StringBuilder ids = new StringBuilder(events.size() * 37);
        events.forEach(event -> ids.append(event.eventId()).append(','));
        OutboxEvent first = events.get(0);
        UUID rowId = UUID.nameUUIDFromBytes(("outbox-batch:" + ids).getBytes(StandardCharsets.UTF_8));
        // The row's own topic and key only route the row through Debezium; every event carries its own.
        return new OutboxEvent(first.topic(), first.key(), rowId, TYPE, first.occurredAt(), write(events));
    }

    /** The events of a captured batch row, in the order they were written; empty for any other row. */
    static Optional<List<CapturedEvent>> expand(CapturedEvent row) {
        if (!TYPE.equals(row.type())) {
            return Optional.empty();
        }
        List<CapturedEvent> events = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(row.payload())) {
            expect(parser.nextToken() == JsonToken.START_ARRAY, row);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new HashMap<>(8);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    expect(parser.nextToken() == JsonToken.VALUE_STRING, row);
                    fields.put(name, parser.getText());
                }
                events.add(captured(fields, row));
            }
            expect(parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == null, row);
        } catch (IOException e) {
            throw new OutboxRelayException("outbox batch row " + row.eventId() + " is not a JSON array of events: "
                    + e.getMessage(), e);
        }
        return Optional.of(events);
    }

    private static CapturedEvent captured(Map<String, String> fields, CapturedEvent row) {
        for (String field : FIELDS) {
            String value = fields.get(field);
            if (value == null || value.isBlank()) {
                throw new OutboxRelayException("outbox batch row " + row.eventId() + " holds an event without " + field);
            }
        }
        return new CapturedEvent(fields.get(TOPIC), fields.get(KEY), fields.get(ID), fields.get(EVENT_TYPE),
                Instant.parse(fields.get(OCCURRED_AT)), fields.get(PAYLOAD), row.committedAt());
    }

    private static void expect(boolean condition, CapturedEvent row) {
        if (!condition) {
            throw new OutboxRelayException("outbox batch row " + row.eventId() + " is not a JSON array of events "
                    + "whose fields are all strings");
        }
    }

    /** Jackson's streaming writer: no reflection per field, which showed in the service's profile. */
    private static String write(List<OutboxEvent> events) {
        StringWriter text = new StringWriter(events.size() * 768);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (OutboxEvent event : events) {
                json.writeStartObject();
                json.writeStringField(TOPIC, event.topic());
                json.writeStringField(KEY, event.key());
                json.writeStringField(ID, event.eventId().toString());
                json.writeStringField(EVENT_TYPE, event.type());
                json.writeStringField(OCCURRED_AT, event.occurredAt().toString());
                json.writeStringField(PAYLOAD, event.payload());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an outbox batch", e);
        }
        return text.toString();
    }
}

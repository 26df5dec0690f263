package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.codec.IsoTimeText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * event's own payload embedded as it is (a JSON object) or, for any other text, as a JSON string; either
 * way its characters reach Kafka unchanged.
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
        String text = row.payload();
        List<CapturedEvent> events = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            expect(parser.nextToken() == JsonToken.START_ARRAY, row);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                events.add(event(parser, text, row));
            }
            expect(parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == null, row);
        } catch (IOException e) {
            throw new OutboxRelayException("outbox batch row " + row.eventId() + " is not a JSON array of events: "
                    + e.getMessage(), e);
        }
        return Optional.of(events);
    }

    /**
     * One event of a row, the parser on its opening brace. Locals rather than a map per event, and
     * the time read from the parser's characters: the relay does this 100,000 times a drain, and a
     * map, {@code Instant.parse} and the unescaping of every payload were a third of its CPU.
     */
    private static CapturedEvent event(JsonParser parser, String text, CapturedEvent row) throws IOException {
        String topic = null;
        String key = null;
        String id = null;
        String type = null;
        Instant occurredAt = null;
        String payload = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (PAYLOAD.equals(name) && value == JsonToken.START_OBJECT) {
                payload = rawObject(parser, text);
                continue;
            }
            expect(value == JsonToken.VALUE_STRING, row);
            switch (name) {
                case TOPIC -> topic = parser.getText();
                case KEY -> key = parser.getText();
                case ID -> id = parser.getText();
                case EVENT_TYPE -> type = parser.getText();
                case OCCURRED_AT -> occurredAt = instant(parser);
                case PAYLOAD -> payload = parser.getText();
                default -> { } // a field a newer writer added: not needed to send the event
            }
        }
        require(topic, TOPIC, row);
        require(key, KEY, row);
        require(id, ID, row);
        require(type, EVENT_TYPE, row);
        if (occurredAt == null) {
            throw missing(OCCURRED_AT, row);
        }
        require(payload, PAYLOAD, row);
        return new CapturedEvent(topic, key, id, type, occurredAt, payload, row.committedAt());
    }

    /** The characters of the JSON object the parser is on, exactly as written into the row. */
    private static String rawObject(JsonParser parser, String text) throws IOException {
        int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
        parser.skipChildren();
        int end = Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1;
        return text.substring(start, end);
    }

    /** {@code null} for blank text (the event is then incomplete); the fast path, else {@code Instant.parse}. */
    private static Instant instant(JsonParser parser) throws IOException {
        Instant fast = IsoTimeText.instantOrNull(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (fast != null) {
            return fast;
        }
        String text = parser.getText();
        return text.isBlank() ? null : Instant.parse(text);
    }

    private static void require(String value, String field, CapturedEvent row) {
        if (value == null || value.isBlank()) {
            throw missing(field, row);
        }
    }

    private static OutboxRelayException missing(String field, CapturedEvent row) {
        return new OutboxRelayException("outbox batch row " + row.eventId() + " holds an event without " + field);
    }

    private static void expect(boolean condition, CapturedEvent row) {
        if (!condition) {
            throw new OutboxRelayException("outbox batch row " + row.eventId() + " is not a JSON array of events "
                    + "whose fields are all strings");
        }
    }

    /**
     * Jackson's streaming writer: no reflection per field, which showed in the service's profile. A
     * payload that is a JSON object (the codec's output, see {@link OutboxEvent}) is embedded as it
     * is, so neither the service escapes it nor the relay unescapes it; {@link #expand} cuts the
     * same characters back out. Any other payload is embedded as a JSON string, as before (rows of
     * that form, e.g. written by an older build, expand as they always did).
     */
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
                json.writeStringField(OCCURRED_AT, IsoTimeText.text(event.occurredAt())); // = Instant.toString(), cheaper
                json.writeFieldName(PAYLOAD);
                if (isObjectText(event.payload())) {
                    json.writeRawValue(event.payload());
                } else {
                    json.writeString(event.payload());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an outbox batch", e);
        }
        return text.toString();
    }

    /**
     * Exactly one well-formed JSON object, braces at both ends and nothing around them: what a codec
     * writes, and the only text {@link #expand} can cut back out of the row. Checked, not assumed:
     * a malformed payload embedded raw would make the whole row unreadable and stop the relay on it
     * for good, where embedded as a string it reaches Kafka as it is (and its consumers' dead-letter
     * topics). The check only tokenises — strings are skipped, not decoded — which costs far less
     * than the escaping and unescaping it saves.
     */
    private static boolean isObjectText(String payload) {
        if (payload.charAt(0) != '{' || payload.charAt(payload.length() - 1) != '}') {
            return false;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }
}

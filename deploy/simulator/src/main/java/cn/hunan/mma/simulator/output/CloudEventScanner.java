package cn.hunan.mma.simulator.output;

import cn.hunan.mma.events.envelope.CloudEventAttributes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the CloudEvents attributes of an event-file value without decoding it: every contract
 * value starts {@code {"type":"…","eventId":"…","occurredAt":"…"}, so the three are found at
 * fixed field positions. A value that does not start that way (a deliberately malformed one) has
 * no attributes; replay sends it without CloudEvents headers, as a broken producer would.
 */
final class CloudEventScanner {

    private static final byte[] TYPE = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_ID = ",\"eventId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OCCURRED_AT = ",\"occurredAt\":\"".getBytes(StandardCharsets.US_ASCII);

    private CloudEventScanner() {
    }

    /** The attributes, or null when the value does not start like a contract record. */
    static CloudEventAttributes scan(byte[] value, URI source) {
        int at = expect(value, 0, TYPE);
        int typeEnd = at < 0 ? -1 : closingQuote(value, at);
        int idStart = typeEnd < 0 ? -1 : expect(value, typeEnd + 1, EVENT_ID);
        int idEnd = idStart < 0 ? -1 : closingQuote(value, idStart);
        int timeStart = idEnd < 0 ? -1 : expect(value, idEnd + 1, OCCURRED_AT);
        int timeEnd = timeStart < 0 ? -1 : closingQuote(value, timeStart);
        if (timeEnd < 0 || typeEnd == at || idEnd == idStart) {
            return null;
        }
        try {
            return new CloudEventAttributes(ascii(value, idStart, idEnd), ascii(value, at, typeEnd), source,
                    Instant.parse(ascii(value, timeStart, timeEnd)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int expect(byte[] value, int at, byte[] token) {
        if (at + token.length > value.length) {
            return -1;
        }
        for (int i = 0; i < token.length; i++) {
            if (value[at + i] != token[i]) {
                return -1;
            }
        }
        return at + token.length;
    }

    private static int closingQuote(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == '"') {
                return i;
            }
            if (value[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static String ascii(byte[] value, int from, int to) {
        return new String(value, from, to - from, StandardCharsets.US_ASCII);
    }
}

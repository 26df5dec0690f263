package cn.hunan.mma.events.envelope;

import cn.hunan.mma.events.codec.IsoTimeText;
import org.apache.kafka.common.header.Headers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Writes and reads CloudEvents binary-mode Kafka headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_time}, {@code ce_specversion}). The one place these names are spelt.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    /** Content type of the payload, as the CloudEvents Kafka binding spells it. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Replaces any existing CloudEvents headers with the given attributes. */
    public static void write(Headers headers, CloudEventAttributes attributes) {
        TextHeaders.put(headers, ID, attributes.id());
        TextHeaders.put(headers, TYPE, attributes.type());
        TextHeaders.put(headers, SOURCE, attributes.source().toString());
        // The text of Instant.toString(), without the formatter: once per record the relay sends.
        TextHeaders.put(headers, TIME, IsoTimeText.text(attributes.time()));
        TextHeaders.put(headers, SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        TextHeaders.put(headers, CONTENT_TYPE, JSON);
    }

    /**
     * Reads the attributes, or explains why they are missing or invalid. A record without valid
     * headers is not rejected here: callers decide (the codec can still read the payload).
     */
    public static Result read(Headers headers) {
        String specVersion = TextHeaders.text(headers, SPEC_VERSION);
        if (specVersion == null) {
            return new Result.Absent("no " + SPEC_VERSION + " header");
        }
        if (!CloudEventAttributes.SPEC_VERSION.equals(specVersion)) {
            return new Result.Invalid(SPEC_VERSION + " is '" + specVersion + "', only 1.0 is supported");
        }
        String id = TextHeaders.text(headers, ID);
        String type = TextHeaders.text(headers, TYPE);
        String source = TextHeaders.text(headers, SOURCE);
        String time = TextHeaders.text(headers, TIME);
        for (String[] required : new String[][] {{ID, id}, {TYPE, type}, {SOURCE, source}, {TIME, time}}) {
            if (required[1] == null || required[1].isBlank()) {
                return new Result.Invalid("missing header " + required[0]);
            }
        }
        try {
            return new Result.Present(new CloudEventAttributes(id, type, new URI(source), Instant.parse(time)));
        } catch (URISyntaxException e) {
            return new Result.Invalid(SOURCE + " is not a URI reference: " + source);
        } catch (DateTimeParseException e) {
            return new Result.Invalid(TIME + " is not an RFC 3339 timestamp: " + time);
        }
    }

    /** Convenience for consumers that only need the event id to deduplicate. */
    public static Optional<String> eventId(Headers headers) {
        return Optional.ofNullable(TextHeaders.text(headers, ID));
    }

    /** What {@link #read(Headers)} found. */
    public sealed interface Result {
        record Present(CloudEventAttributes attributes) implements Result {
        }

        record Absent(String reason) implements Result {
        }

        record Invalid(String reason) implements Result {
        }
    }
}

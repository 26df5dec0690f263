package cn.hunan.mma.events.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times travel only as ISO-8601 text. The stock deserializers also accept epoch numbers, whose
 * unit (seconds? milliseconds?) a sender can get wrong without anyone noticing.
 */
final class StrictTimeDeserializers {

    private StrictTimeDeserializers() {
    }

    static SimpleModule module() {
        return new SimpleModule("mma-strict-time")
                .addDeserializer(Instant.class, new InstantText())
                .addDeserializer(LocalDate.class, new LocalDateText());
    }

    /**
     * RFC 3339 with any offset ("2025-03-14T08:30:00+08:00"), normalised to UTC. The common
     * spelling is read from the parser's buffer without a String ({@link IsoTimeText}); the
     * formatter still decides everything else.
     */
    private static final class InstantText extends StdScalarDeserializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            Instant fast = IsoTimeText.instantOrNull(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (fast != null) {
                return fast;
            }
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(parser.getText(), Instant::from);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                        "expected an ISO-8601 instant with offset");
            }
        }
    }

    /** A calendar date, "2025-03-14"; the plain form via {@link IsoTimeText}, the rest via the formatter. */
    private static final class LocalDateText extends StdScalarDeserializer<LocalDate> {
        LocalDateText() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate fast = IsoTimeText.dateOrNull(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (fast != null) {
                return fast;
            }
            try {
                return LocalDate.parse(parser.getText());
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(),
                        "expected an ISO-8601 date");
            }
        }
    }
}

package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Encodes contract records to JSON and decodes payloads with strict validation. Decoding never
 * throws for bad input: it returns a {@link DecodeResult.Rejected} with the reason and JSON path,
 * because on a topic bad input is routine and must go to the dead-letter topic, not stop a consumer.
 * Thread-safe; build one and share it.
 */
public final class ContractCodec {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final ContractCodec STANDARD =
            new ContractCodec(Clock.systemUTC(), DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_FUTURE_TOLERANCE);

    // The one Jackson setup, plus direct calls for the string-backed value types (decode only).
    private final ObjectMapper mapper = ContractJson.newObjectMapper().registerModule(StringValueReaders.module());
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return mapper.readerFor(type);
        }
    };
    private final Clock clock;
    private final int maxPayloadBytes;
    private final Duration futureTolerance;
    /** The first instant of {@link Checks#FIRST_YEAR} in Beijing time: no report of the platform happened before it. */
    static final Instant EARLIEST_OCCURRENCE = LocalDate.of(Checks.FIRST_YEAR, 1, 1).atStartOfDay(Period.ZONE).toInstant();

    /**
     * @param clock           decides what "in the future" means for {@code occurredAt}
     * @param maxPayloadBytes larger payloads are refused unread
     * @param futureTolerance how far ahead of the clock an {@code occurredAt} may be (clock skew)
     */
    public ContractCodec(Clock clock, int maxPayloadBytes, Duration futureTolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
        if (maxPayloadBytes <= 0 || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive and futureTolerance not negative");
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The shared codec with the system clock and default limits. */
    public static ContractCodec standard() {
        return STANDARD;
    }

    public static ContractCodec withClock(Clock clock) {
        return new ContractCodec(clock, DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_FUTURE_TOLERANCE);
    }

    /** The JSON form, with the {@code type} field first. */
    public byte[] encode(ContractRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            return mapper.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            // Records are valid by construction; failing here is a bug in the contract, not bad input.
            throw new UncheckedIOException("cannot encode " + record.getClass().getSimpleName(), e);
        }
    }

    /** Decodes any registered record type. */
    public DecodeResult<ContractRecord> decode(byte[] payload) {
        return decode(payload, ContractRecord.class);
    }

    /**
     * Decodes a record that must be of the expected type, usually a topic's value type; a
     * registered type that does not fit is UNEXPECTED_EVENT_TYPE.
     */
    public <V extends ContractRecord> DecodeResult<V> decode(byte[] payload, Class<V> expected) {
        Objects.requireNonNull(expected, "expected");
        if (payload == null || payload.length == 0) {
            return Rejections.of(Reason.MALFORMED_JSON, "$", "the payload is empty");
        }
        if (payload.length > maxPayloadBytes) {
            return Rejections.of(Reason.OVERSIZE_PAYLOAD, "$",
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        V record;
        try (JsonParser parser = duplicateCheckingParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Rejections.of(Reason.WRONG_TYPE, "$", "the payload must be a JSON object");
            }
            record = readers.get(expected).readValue(parser);
            if (parser.nextToken() != null) {
                return Rejections.of(Reason.MALFORMED_JSON, "$", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            return Rejections.from(e);
        } catch (ContractViolation e) {
            return Rejections.from(e, "$");
        } catch (IOException e) {
            // Reading from a byte array does no I/O; anything else is a malformed stream.
            return Rejections.of(Reason.MALFORMED_JSON, "$", "the payload cannot be read as JSON");
        }
        Instant latestAcceptable = clock.instant().plus(futureTolerance);
        if (record.occurredAt().isAfter(latestAcceptable)) {
            return Rejections.of(Reason.TIMESTAMP_IN_FUTURE, "$.occurredAt",
                    "occurredAt is more than " + futureTolerance + " ahead of the platform clock");
        }
        if (record.occurredAt().isBefore(EARLIEST_OCCURRENCE)) {
            // The platform's periods start in 2000 (Checks.FIRST_YEAR); a year 999 passed here and then threw in the
            // scorer's period arithmetic, stopping its stream on the same record at every restart (before 2026-11-25 (4)).
            return Rejections.of(Reason.INVALID_VALUE, "$.occurredAt",
                    "occurredAt must not be before 1 January " + Checks.FIRST_YEAR + " (Beijing time)");
        }
        return new DecodeResult.Decoded<>(record);
    }

    /**
     * The mapper's parser with Jackson's duplicate-key detection swapped for a cheaper one that
     * refuses the same payloads (see {@link DuplicateKeyCheckingParser}).
     */
    private JsonParser duplicateCheckingParser(byte[] payload) throws IOException {
        JsonParser parser = mapper.createParser(payload);
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return new DuplicateKeyCheckingParser(parser, payload);
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public Duration futureTolerance() {
        return futureTolerance;
    }
}

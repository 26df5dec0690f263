package cn.hunan.mma.settlement.close;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.domain.parameters.AreaParameters;
import cn.hunan.mma.settlement.domain.parameters.ParameterViolation;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Canonical JSON of snapshots and settlements: properties and map keys sorted, decimals written
 * plain, no whitespace. The same value always gives the same bytes, so a snapshot's id is the
 * SHA-256 of its JSON and a re-run can be compared byte for byte with the stored result.
 *
 * <p>Stored closes (snapshot and result) are read leniently: a property the code no longer knows is
 * skipped, so a field dropped from a later version does not make every earlier close unreadable (a
 * renamed one still needs a data migration). Parameters are read strictly, stored or not: a rule the
 * code does not know must not be silently left out of anyone's money.
 */
public final class SettlementJson {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addMixIn(PeriodOutcome.class, OutcomeKinds.class)
            .build();

    private static final ObjectReader STORED_CLOSE = CANONICAL.reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A stored outcome carries no type id (the bytes of every close written so far must not change), so its kind is
     * deduced from the properties only one kind has: {@code surplus} or {@code overspend}.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({@JsonSubTypes.Type(PeriodOutcome.Surplus.class), @JsonSubTypes.Type(PeriodOutcome.Overspend.class)})
    private interface OutcomeKinds {
    }

    private SettlementJson() {
    }

    public static byte[] snapshot(SettlementSnapshot snapshot) {
        return write(snapshot);
    }

    public static SettlementSnapshot readSnapshot(byte[] json) {
        return readStored(json, SettlementSnapshot.class, "snapshot");
    }

    /** A stored result, as it was closed: what the exports show, whatever the close's arithmetic is today. */
    public static PeriodSettlement readSettlement(byte[] json) {
        return readStored(json, PeriodSettlement.class, "result");
    }

    private static <T> T readStored(byte[] json, Class<T> type, String what) {
        try {
            return STORED_CLOSE.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + what + " cannot be read", e);
        }
    }

    public static byte[] parameters(AreaParameters parameters) {
        return write(parameters);
    }

    /**
     * Reads an area's parameters; a field the rules refuse is named in the violation (the JSON path
     * of the part that failed, then the rule's own message).
     */
    public static AreaParameters readParameters(JsonNode json) {
        try {
            return CANONICAL.treeToValue(json, AreaParameters.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ParameterViolation violation) {
                throw violation;
            }
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            throw new ParameterViolation(path.isEmpty() ? "parameters" : path, reason);
        } catch (JsonProcessingException e) {
            throw new ParameterViolation("parameters", e.getOriginalMessage());
        }
    }

    public static AreaParameters readParameters(String json) {
        try {
            return readParameters(CANONICAL.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ParameterViolation("parameters", e.getOriginalMessage());
        }
    }

    public static byte[] settlement(PeriodSettlement settlement) {
        return write(settlement);
    }

    /** The snapshot's id: SHA-256 of its canonical JSON, 64 hex digits. */
    public static String snapshotId(byte[] snapshotJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshotJson));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static byte[] write(Object value) {
        try {
            return CANONICAL.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settlement values are always serialisable", e);
        }
    }
}

package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.navigation.registry.domain.PlausibleCoordinates;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinates an institution line states, for the one refusal the contract words unhelpfully: a swapped pair
 * puts the longitude (≈ 112) in the latitude, which the codec refuses as "latitude must be between -90 and 90". Read
 * again here, the pair goes through {@link PlausibleCoordinates} like every other, so the report says "swapped".
 */
final class StatedCoordinates {

    private static final Set<String> COORDINATE_PATHS = Set.of("$.latitude", "$.longitude");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StatedCoordinates() {
    }

    /** The registry's reading of a line the codec refused at a coordinate, if the stated pair is implausible. */
    static Optional<RuleViolation> problemBehind(DecodeResult.Rejected<?> refusal, String line) {
        if (!COORDINATE_PATHS.contains(refusal.path())) {
            return Optional.empty();
        }
        try {
            JsonNode institution = JSON.readTree(line);
            return PlausibleCoordinates.problem(decimal(institution.get("latitude")), decimal(institution.get("longitude")));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // the codec read it, so this does not happen; its own refusal stands
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }
}

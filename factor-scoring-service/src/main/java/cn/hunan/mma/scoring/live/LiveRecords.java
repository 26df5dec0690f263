package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.scoring.rest.Places;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a record of the scores or surplus topic into a {@link LiveUpdate}, or says why it is
 * skipped. Scores are decoded by the contract codec; a surplus projection is the other helper's
 * JSON, passed on as it is once it is known to be one JSON object under a valid {@code alliance|period} key.
 * Where an institution or alliance sits comes from the matrix (the scorer's global stores).
 */
final class LiveRecords {

    /** Where an institution or alliance sits; empty when the matrix does not (yet) know it. */
    interface Matrix extends BiFunction<ScoredEntityKind, String, Optional<Places>> {
    }

    sealed interface Outcome {
    }

    record Accepted(LiveUpdate update) implements Outcome {
    }

    record Skipped(String reason) implements Outcome {
    }

    private final ContractCodec codec;
    private final ObjectMapper mapper;
    private final Matrix matrix;
    private final int maxSurplusBytes;

    LiveRecords(ContractCodec codec, ObjectMapper mapper, Matrix matrix, int maxSurplusBytes) {
        this.codec = codec;
        this.mapper = mapper;
        this.matrix = matrix;
        this.maxSurplusBytes = maxSurplusBytes;
    }

    Outcome score(String key, byte[] value) {
        if (value == null) {
            return new Skipped("tombstone for " + key);
        }
        DecodeResult<FactorScoreComputed> decoded = codec.decode(value, FactorScoreComputed.class);
        if (!(decoded instanceof DecodeResult.Decoded<FactorScoreComputed> ok)) {
            return new Skipped("score " + key + " does not decode: " + decoded);
        }
        FactorScoreComputed score = ok.record();
        Optional<Places> where = switch (score.entityKind()) {
            case INSTITUTION, ALLIANCE -> matrix.apply(score.entityKind(), score.entityId());
            default -> Optional.of(Places.of(Jurisdiction.ofDivision(DivisionCode.of(score.entityId()))));
        };
        if (where.isEmpty()) {
            return new Skipped(score.entityKind() + " " + score.entityId() + " is not in the matrix");
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("kind", score.entityKind().name());
        data.put("id", score.entityId());
        data.put("period", score.period().toString());
        data.put("ruleVersion", score.ruleVersion());
        data.put("composite", score.composite());
        ObjectNode factors = data.putObject("factors");
        score.factorScores().forEach(factor -> factors.put(factor.factor().name(), factor.score()));
        return new Accepted(new LiveUpdate(LiveUpdate.SCORE, key, where.get(), data.toString()));
    }

    Outcome surplus(String key, byte[] value) {
        String[] parts = key == null ? new String[0] : key.split("\\|", -1);
        if (parts.length != 2) {
            return new Skipped("surplus key '" + key + "' is not alliance|period");
        }
        String allianceId = parts[0];
        Period period;
        try {
            ScoredEntityKind.ALLIANCE.requireEntityId(allianceId);
            period = Period.parse(parts[1]);
        } catch (RuntimeException e) {
            return new Skipped("surplus key '" + key + "': " + e.getMessage());
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("allianceId", allianceId);
        data.put("period", period.toString());
        if (value == null) {
            data.putNull("projection");
        } else {
            if (value.length > maxSurplusBytes) {
                return new Skipped("surplus " + key + " is " + value.length + " bytes, over " + maxSurplusBytes);
            }
            JsonNode projection;
            try {
                projection = mapper.readTree(new String(value, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                return new Skipped("surplus " + key + " is not JSON: " + e.getOriginalMessage());
            }
            if (projection == null || !projection.isObject()) {
                return new Skipped("surplus " + key + " is not a JSON object");
            }
            data.set("projection", projection);
        }
        Optional<Places> where = matrix.apply(ScoredEntityKind.ALLIANCE, allianceId);
        if (where.isEmpty()) {
            return new Skipped("alliance " + allianceId + " is not in the matrix");
        }
        return new Accepted(new LiveUpdate(LiveUpdate.SURPLUS, key, where.get(), data.toString()));
    }
}

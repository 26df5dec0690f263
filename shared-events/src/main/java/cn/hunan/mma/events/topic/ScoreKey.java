package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;

/**
 * The key of the factor-scores topic: one latest score per entity and period, written
 * "INSTITUTION:430302001:2025-H1".
 */
public record ScoreKey(ScoredEntityKind entityKind, String entityId, Period period) {

    public ScoreKey {
        Checks.present(entityKind, "entityKind");
        entityKind.requireEntityId(entityId);
        Checks.present(period, "period");
    }

    public static ScoreKey of(ScoringEvent score) {
        return new ScoreKey(score.entityKind(), score.entityId(), score.period());
    }

    public static ScoreKey parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new ContractViolation(Reason.MALFORMED_ID, null, "score key must be KIND:entityId:period");
        }
        try {
            return new ScoreKey(ScoredEntityKind.valueOf(parts[0]), parts[1], Period.parse(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(Reason.MALFORMED_ID, null, "score key must be KIND:entityId:period");
        }
    }

    @Override
    public String toString() {
        return entityKind + ":" + entityId + ":" + period;
    }
}

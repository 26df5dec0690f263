package cn.hunan.mma.events.scoring;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * States an entity's latest composite and per-factor scores for a period under a rule version;
 * the compacted scores topic keeps the newest per entity and period.
 *
 * @param entityId     an institution or alliance id, or the division code of a county, city or province
 * @param factorScores exactly one score for each of the nine factors
 */
public record FactorScoreComputed(
        EventId eventId,
        Instant occurredAt,
        ScoredEntityKind entityKind,
        String entityId,
        Period period,
        String ruleVersion,
        BigDecimal composite,
        List<FactorScore> factorScores) implements ScoringEvent {

    public FactorScoreComputed {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(entityKind, "entityKind");
        Checks.present(entityId, "entityId");
        entityKind.requireEntityId(entityId);
        Checks.present(period, "period");
        Checks.text(ruleVersion, "ruleVersion", 64);
        composite = Scores.percentage(composite, "composite");
        factorScores = Checks.list(factorScores, "factorScores");
        Set<Factor> seen = EnumSet.noneOf(Factor.class);
        for (FactorScore score : factorScores) {
            seen.add(score.factor());
        }
        Checks.require(seen.size() == Factor.values().length && factorScores.size() == seen.size(), "factorScores",
                "factorScores must hold exactly one score for each of the nine factors");
    }

    public BigDecimal scoreOf(Factor factor) {
        return factorScores.stream().filter(score -> score.factor() == factor)
                .findFirst().orElseThrow().score();
    }
}

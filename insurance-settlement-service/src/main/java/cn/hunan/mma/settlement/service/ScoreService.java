package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.persistence.CompositeScoreEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps the scorer's latest composites and hands a close the ones of its members and alliance. */
@ApplicationScoped
public class ScoreService {

    private final Mutiny.SessionFactory sessions;

    public ScoreService(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Void> remember(FactorScoreComputed score) {
        CompositeScoreEntity.Key key = new CompositeScoreEntity.Key(score.entityKind().name(), score.entityId(),
                score.period().toString());
        return sessions.withTransaction((session, tx) -> session.find(CompositeScoreEntity.class, key).chain(row -> {
            if (row == null) {
                return session.persist(CompositeScoreEntity.of(score));
            }
            row.apply(score);
            return Uni.createFrom().voidItem();
        }));
    }

    /** Stored composites for {@code period} by entity id: the institutions' and the alliance's (ids do not collide). */
    public Uni<Map<String, BigDecimal>> latest(Period period, String allianceId, List<String> institutionIds) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from CompositeScoreEntity where period = :period and ((entityKind = :institution and entityId in :institutions) "
                                + "or (entityKind = :alliance and entityId = :allianceId))", CompositeScoreEntity.class)
                .setParameter("period", period.toString())
                .setParameter("institution", ScoredEntityKind.INSTITUTION.name())
                .setParameter("institutions", institutionIds.isEmpty() ? List.of("") : institutionIds)
                .setParameter("alliance", ScoredEntityKind.ALLIANCE.name())
                .setParameter("allianceId", allianceId)
                .getResultList())
                .map(rows -> {
                    Map<String, BigDecimal> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.entityId(), row.composite()));
                    return byId;
                });
    }
}

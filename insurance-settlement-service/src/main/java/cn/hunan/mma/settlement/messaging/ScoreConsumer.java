package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.settlement.service.ScoreService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the scorer's latest composites: a close freezes them instead of the request's scores. */
@ApplicationScoped
public class ScoreConsumer {

    public static final String SCORES = "scores";

    private final ScoreService scores;

    public ScoreConsumer(ScoreService scores) {
        this.scores = scores;
    }

    @Incoming(SCORES)
    public Uni<Void> score(ScoringEvent event) {
        return event instanceof FactorScoreComputed computed
                ? DatabaseOutages.retried(() -> scores.remember(computed), "storing a score of " + computed.entityId())
                : Uni.createFrom().voidItem();
    }
}

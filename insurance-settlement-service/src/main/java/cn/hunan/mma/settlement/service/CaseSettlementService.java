package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.settlement.config.SettlementConfig;
import cn.hunan.mma.settlement.domain.cases.CaseDecision;
import cn.hunan.mma.settlement.domain.cases.CaseFacts;
import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.ReviewQuota;
import cn.hunan.mma.settlement.persistence.CaseSettlementEntity;
import cn.hunan.mma.settlement.persistence.InstitutionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Settles discharges, once per discharge event id: the row, the episode's deductible and the
 * {@link CaseSettled} outbox row are written in one transaction. A correction supersedes the
 * settlement of the event it corrects and settles the corrected facts.
 */
@ApplicationScoped
public class CaseSettlementService {

    private final Mutiny.SessionFactory sessions;
    private final CaseSettler settler;
    private final SettlementConfig config;
    private final Clock clock = Clock.systemUTC();

    public CaseSettlementService(Mutiny.SessionFactory sessions, CaseSettler settler, SettlementConfig config) {
        this.sessions = sessions;
        this.settler = settler;
        this.config = config;
    }

    public Uni<Void> settle(InpatientDischarged discharge) {
        return sessions.withTransaction((session, tx) -> session.find(CaseSettlementEntity.class, discharge.eventId().asUuid())
                .chain(already -> already != null ? Uni.createFrom().voidItem() : settleNew(session, discharge)));
    }

    public Uni<Void> remember(InstitutionSnapshot snapshot) {
        return sessions.withTransaction((session, tx) -> session.find(InstitutionEntity.class, snapshot.institutionId().value())
                .chain(row -> {
                    if (row == null) {
                        return session.persist(InstitutionEntity.of(snapshot));
                    }
                    row.apply(snapshot);
                    return Uni.createFrom().voidItem();
                }));
    }

    private Uni<Void> settleNew(Mutiny.Session session, InpatientDischarged discharge) {
        Uni<CaseSettlementEntity> corrected = discharge.correctsEventId() == null ? Uni.createFrom().nullItem()
                : session.find(CaseSettlementEntity.class, discharge.correctsEventId().asUuid());
        return session.find(InstitutionEntity.class, discharge.institutionId().value()).chain(institution -> {
            if (institution == null) {
                throw new CaseNotSettledException("institution " + discharge.institutionId() + " is not in the matrix");
            }
            return corrected.chain(old -> {
                if (old != null) {
                    old.supersede();
                }
                return session.flush()
                        .chain(() -> deductiblePaid(session, discharge))
                        .chain(paid -> quota(session, discharge).map(quota -> new CaseFacts(institution.level(),
                                discharge.drgGroup(), false, discharge.charges().total(), paid, quota)))
                        .chain(facts -> record(session, discharge, facts));
            });
        });
    }

    private Uni<Void> record(Mutiny.Session session, InpatientDischarged discharge, CaseFacts facts) {
        CaseDecision decision = settler.settle(facts).orElseThrow(() -> new CaseNotSettledException(
                "group " + discharge.drgGroup() + " has no " + config.paymentMethod() + " weight or score"));
        Instant now = clock.instant();
        // Derived from the discharge id: a replayed settlement publishes under the same event id.
        EventId eventId = EventId.of(UUID.nameUUIDFromBytes(("settled:" + discharge.eventId().value()).getBytes(StandardCharsets.UTF_8)));
        CaseSettled settled = new CaseSettled(eventId, now, discharge.eventId(), discharge.institutionId(), decision.method(),
                decision.groupCode(), decision.standardPayment(), decision.actualCost(), decision.fundPayable(),
                decision.outlier(), config.ruleVersion());
        return session.persistAll(CaseSettlementEntity.of(discharge, decision, config.ruleVersion(), now),
                OutboxEventEntity.of(ContractOutboxEvents.of(Topics.CASE_SETTLEMENTS, settled)));
    }

    private static Uni<Money> deductiblePaid(Mutiny.Session session, InpatientDischarged discharge) {
        if (discharge.episodeId() == null) {
            return Uni.createFrom().item(Money.ZERO);
        }
        return session.createSelectionQuery("select coalesce(sum(deductibleFen), 0) from CaseSettlementEntity "
                        + "where episodeId = :episode and not superseded", Long.class)
                .setParameter("episode", discharge.episodeId().value()).getSingleResult().map(Money::ofFen);
    }

    private Uni<ReviewQuota> quota(Mutiny.Session session, InpatientDischarged discharge) {
        return session.createSelectionQuery("select count(*), coalesce(sum(case when outlier = 'EXPERT_REVIEW' then 1 else 0 end), 0) "
                        + "from CaseSettlementEntity where settlementYear = :year and method = :method and not superseded", Object[].class)
                .setParameter("year", discharge.dischargeDate().getYear())
                .setParameter("method", config.paymentMethod().name())
                .getSingleResult()
                .map(counts -> new ReviewQuota(settler.rules().reviewCap(), ((Number) counts[0]).longValue(),
                        ((Number) counts[1]).longValue()));
    }
}

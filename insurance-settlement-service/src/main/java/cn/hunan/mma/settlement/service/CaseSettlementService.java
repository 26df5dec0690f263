package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import cn.hunan.mma.settlement.domain.cases.CaseDecision;
import cn.hunan.mma.settlement.domain.cases.CaseFacts;
import cn.hunan.mma.settlement.domain.cases.CaseSettler;
import cn.hunan.mma.settlement.domain.cases.ReviewQuota;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
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
    private final CaseSettlers settlers;
    private final ParameterService parameters;
    private final Clock clock = Clock.systemUTC();

    public CaseSettlementService(Mutiny.SessionFactory sessions, CaseSettlers settlers, ParameterService parameters) {
        this.sessions = sessions;
        this.settlers = settlers;
        this.parameters = parameters;
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
                // The rules of the fund that pays (参保地), in force on the discharge date.
                return session.flush()
                        .chain(() -> parameters.inForce(session, discharge.insuredAreaDivision(), discharge.dischargeDate())
                                .onFailure(NoParametersInForceException.class)
                                .transform(e -> new CaseNotSettledException(e.getMessage())))
                        .chain(version -> deductiblePaid(session, discharge)
                                .chain(paid -> quota(session, discharge, settlers.of(version)).map(quota -> new CaseFacts(
                                        institution.level(), discharge.drgGroup(), false, discharge.charges().total(), paid, quota)))
                                .chain(facts -> record(session, discharge, facts, version)));
            });
        });
    }

    private Uni<Void> record(Mutiny.Session session, InpatientDischarged discharge, CaseFacts facts, ParameterVersion version) {
        CaseSettler settler = settlers.of(version);
        CaseDecision decision = settler.settle(facts).orElseThrow(() -> new CaseNotSettledException(
                "group " + discharge.drgGroup() + " has no " + settler.rules().method() + " weight or score"));
        Instant now = clock.instant();
        // Derived from the discharge id: a replayed settlement publishes under the same event id.
        EventId eventId = EventId.of(UUID.nameUUIDFromBytes(("settled:" + discharge.eventId().value()).getBytes(StandardCharsets.UTF_8)));
        CaseSettled settled = new CaseSettled(eventId, now, discharge.eventId(), discharge.institutionId(), decision.method(),
                decision.groupCode(), decision.standardPayment(), decision.actualCost(), decision.fundPayable(),
                decision.outlier(), version.versionId());
        return session.persistAll(CaseSettlementEntity.of(discharge, decision, version.versionId(), now),
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

    private static Uni<ReviewQuota> quota(Mutiny.Session session, InpatientDischarged discharge, CaseSettler settler) {
        return session.createSelectionQuery("select count(*), coalesce(sum(case when outlier = 'EXPERT_REVIEW' then 1 else 0 end), 0) "
                        + "from CaseSettlementEntity where settlementYear = :year and method = :method and not superseded", Object[].class)
                .setParameter("year", discharge.dischargeDate().getYear())
                .setParameter("method", settler.rules().method().name())
                .getSingleResult()
                .map(counts -> new ReviewQuota(settler.rules().reviewCap(), ((Number) counts[0]).longValue(),
                        ((Number) counts[1]).longValue()));
    }
}

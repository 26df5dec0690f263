package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.insurance.PeriodSettlementReopened;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.settlement.close.ClosedEvents;
import cn.hunan.mma.settlement.close.SettlementJson;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import cn.hunan.mma.settlement.domain.ledger.LedgerTransaction;
import cn.hunan.mma.settlement.domain.ledger.SettlementPostings;
import cn.hunan.mma.settlement.persistence.CloseAuditEntity;
import cn.hunan.mma.settlement.persistence.LedgerEntryEntity;
import cn.hunan.mma.settlement.persistence.PeriodCloseEntity;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Closes and reopens periods. A close freezes its snapshot, stores the result, posts the ledger
 * and publishes {@code PeriodSettlementClosed} through the outbox, all in one transaction; a
 * second close of a standing period is refused; a reopen is audited and reverses the postings.
 */
@ApplicationScoped
public class PeriodCloser {

    private static final int CLOSE_LOCK_CLASS = 0x434c4f53;

    private final Mutiny.SessionFactory sessions;
    private final Clock clock = Clock.systemUTC();

    public PeriodCloser(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<PeriodCloseEntity> close(SettlementSnapshot snapshot, String divisionCode, String actor, String derivedInputsJson) {
        String alliance = snapshot.allianceId().value();
        String period = snapshot.period().toString();
        return sessions.withTransaction((session, tx) -> lockYear(session, alliance, snapshot.period())
                .chain(() -> overlapping(session, alliance, snapshot.period()))
                .invoke(overlap -> overlap.ifPresent(other -> {
                    // A year-end close settles the whole year's package: beside a standing half it would pay that half twice.
                    throw new AlreadyClosedException(alliance + " " + other.period() + " stands: " + period
                            + " overlaps it; reopen " + other.period() + " first");
                }))
                .chain(() -> revisions(session, alliance, period))
                .chain(existing -> record(session, snapshot, existing, divisionCode, actor, derivedInputsJson)));
    }

    /** The close as a new revision of the period: its row, audit, ledger postings and event, in the caller's transaction. */
    private Uni<PeriodCloseEntity> record(Mutiny.Session session, SettlementSnapshot snapshot, List<PeriodCloseEntity> existing,
                                          String divisionCode, String actor, String derivedInputsJson) {
        String alliance = snapshot.allianceId().value();
        String period = snapshot.period().toString();
        if (existing.stream().anyMatch(PeriodCloseEntity::standing)) {
            throw new AlreadyClosedException(alliance + " " + period + " is already closed; reopen it to correct it");
        }
        Instant now = clock.instant();
        byte[] snapshotJson = SettlementJson.snapshot(snapshot);
        String snapshotId = SettlementJson.snapshotId(snapshotJson);
        PeriodSettlement settlement = PeriodSettlement.close(snapshot);
        int revision = existing.size() + 1;
        PeriodCloseEntity row = new PeriodCloseEntity(alliance, period, revision, divisionCode, snapshotId,
                SettlementJson.text(snapshotJson), SettlementJson.text(SettlementJson.settlement(settlement)), actor, now,
                derivedInputsJson);
        List<Object> rows = new ArrayList<>();
        rows.add(row);
        rows.add(new CloseAuditEntity(alliance, period, revision, "CLOSE", actor, null, now));
        for (LedgerTransaction transaction : SettlementPostings.of(settlement)) {
            for (LedgerEntry entry : transaction.entries()) {
                rows.add(LedgerEntryEntity.of(revised(entry, revision), alliance, period, now));
            }
        }
        rows.add(OutboxEventEntity.of(ContractOutboxEvents.of(Topics.PERIOD_SETTLEMENTS,
                ClosedEvents.of(settlement, EventId.random(), now, snapshotId, revision))));
        return session.persistAll(rows.toArray()).replaceWith(row);
    }

    /**
     * Withdraws the standing close: audited, its postings reversed, {@code PeriodSettlementReopened} published. Under the
     * year's lock, as a close is: two reopens at once (a double click, a client's retry) would each find the close
     * standing and each reverse its postings, leaving every account short by one revision's amounts. The reversal
     * mirrors the postings as stored, not a re-run of the close, which a later change to the close's arithmetic could
     * make differ from what was posted.
     */
    public Uni<PeriodCloseEntity> reopen(String alliance, String period, String actor, String reason) {
        Period closed = Period.parse(period);
        return sessions.withTransaction((session, tx) -> lockYear(session, alliance, closed)
                .chain(() -> revisions(session, alliance, period)).chain(existing -> {
            PeriodCloseEntity standing = existing.stream().filter(PeriodCloseEntity::standing).findFirst()
                    .orElseThrow(() -> new NotClosedException(alliance + " " + period + " has no standing close"));
            return postings(session, alliance, period, standing.revision()).chain(posted -> {
                Instant now = clock.instant();
                standing.reopen();
                List<Object> rows = new ArrayList<>();
                rows.add(new CloseAuditEntity(alliance, period, standing.revision(), "REOPEN", actor, reason, now));
                posted.forEach(entry -> rows.add(LedgerEntryEntity.of(reversal(entry.entry()), alliance, period, now)));
                // Consumers that keep the standing settlement learn that this one no longer stands.
                rows.add(OutboxEventEntity.of(ContractOutboxEvents.of(Topics.PERIOD_SETTLEMENTS, new PeriodSettlementReopened(
                        EventId.random(), now, AllianceId.of(alliance), closed, standing.revision(), standing.snapshotId(), reason))));
                return session.persistAll(rows.toArray()).replaceWith(standing);
            });
        }));
    }

    /** The ledger entries a revision's close posted (its reversals excluded). */
    private static Uni<List<LedgerEntryEntity>> postings(Mutiny.Session session, String alliance, String period, int revision) {
        return session.createSelectionQuery("from LedgerEntryEntity where allianceId = :alliance and period = :period "
                        + "and transactionId like :revision order by transactionId, side desc, account", LedgerEntryEntity.class)
                .setParameter("alliance", alliance).setParameter("period", period)
                .setParameter("revision", "%/r" + revision).getResultList();
    }

    /** The standing close, or a 404. */
    public Uni<PeriodCloseEntity> standing(String alliance, String period) {
        return sessions.withSession(session -> revisions(session, alliance, period)).map(existing -> existing.stream()
                .filter(PeriodCloseEntity::standing).findFirst()
                .orElseThrow(() -> new NotClosedException(alliance + " " + period + " has no standing close")));
    }

    /** The period's latest close, standing or reopened, or a 404: a reopened period's postings and reversals stay readable. */
    public Uni<PeriodCloseEntity> latest(String alliance, String period) {
        return sessions.withSession(session -> revisions(session, alliance, period)).map(existing -> {
            if (existing.isEmpty()) {
                throw new NotClosedException(alliance + " " + period + " was never closed");
            }
            return existing.get(existing.size() - 1);
        });
    }

    /** One revision of the period, standing or reopened, or a 404: a reopened revision's frozen inputs stay readable. */
    public Uni<PeriodCloseEntity> revision(String alliance, String period, int revision) {
        return sessions.withSession(session -> revisions(session, alliance, period)).map(existing -> existing.stream()
                .filter(close -> close.revision() == revision).findFirst()
                .orElseThrow(() -> new NotClosedException(alliance + " " + period + " has no revision " + revision)));
    }

    /** An audited step with the snapshot its revision froze. */
    public record AuditedStep(CloseAuditEntity step, String snapshotId) {
    }

    /**
     * Who closed and reopened the period, when and why, in the order it happened: by revision, then a revision's close
     * before its reopen, then time. Not by time first: the instances that close and reopen have clocks of their own, and
     * a reopen stamped a little before its close (before 2026-11-25 (9) the order was at, revision, action) read as if
     * the period was reopened before it was closed.
     */
    public Uni<List<AuditedStep>> audit(String alliance, String period) {
        return sessions.withSession(session -> revisions(session, alliance, period).chain(closes -> session.createSelectionQuery(
                        "from CloseAuditEntity where allianceId = :alliance and period = :period order by revision, "
                                + "case action when 'CLOSE' then 0 else 1 end, at", CloseAuditEntity.class)
                .setParameter("alliance", alliance).setParameter("period", period).getResultList()
                .map(steps -> steps.stream().map(step -> new AuditedStep(step, closes.stream()
                        .filter(close -> close.revision() == step.revision()).map(PeriodCloseEntity::snapshotId)
                        .findFirst().orElse(null))).toList())));
    }

    public Uni<List<LedgerEntryEntity>> ledger(String alliance, String period) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from LedgerEntryEntity where allianceId = :alliance and period = :period order by postedAt, transactionId, side desc, account",
                        LedgerEntryEntity.class)
                .setParameter("alliance", alliance).setParameter("period", period).getResultList());
    }

    // Closes of one alliance and year take turns (to commit): two overlapping closes would each pass the overlap check.
    private static Uni<Void> lockYear(Mutiny.Session session, String alliance, Period period) {
        return session.createNativeQuery("SELECT count(pg_advisory_xact_lock(" + CLOSE_LOCK_CLASS + ", hashtext(:key)))")
                .setParameter("key", alliance + "/" + period.year()).getSingleResult().replaceWithVoid();
    }

    /** A standing close of a period that overlaps {@code period}: the halves of a year, or the year of a half. */
    private static Uni<Optional<PeriodCloseEntity>> overlapping(Mutiny.Session session, String alliance, Period period) {
        List<String> others = period.kind() == Period.Kind.YEAR
                ? List.of(Period.halfYear(period.year(), 1).toString(), Period.halfYear(period.year(), 2).toString())
                : List.of(Period.ofYear(period.year()).toString());
        return session.createSelectionQuery(
                        "from PeriodCloseEntity where allianceId = :alliance and period in :periods", PeriodCloseEntity.class)
                .setParameter("alliance", alliance).setParameter("periods", others).getResultList()
                .map(rows -> rows.stream().filter(PeriodCloseEntity::standing).findFirst());
    }

    private static Uni<List<PeriodCloseEntity>> revisions(Mutiny.Session session, String alliance, String period) {
        return session.createSelectionQuery(
                        "from PeriodCloseEntity where allianceId = :alliance and period = :period order by revision",
                        PeriodCloseEntity.class)
                .setParameter("alliance", alliance).setParameter("period", period).getResultList();
    }

    private static LedgerEntry revised(LedgerEntry entry, int revision) {
        return new LedgerEntry(entry.transactionId() + "/r" + revision, entry.account(), entry.side(), entry.amount(), entry.memo());
    }

    private static LedgerEntry reversal(LedgerEntry entry) {
        LedgerEntry.Side opposite = entry.side() == LedgerEntry.Side.DEBIT ? LedgerEntry.Side.CREDIT : LedgerEntry.Side.DEBIT;
        return new LedgerEntry(entry.transactionId() + "/reversal", entry.account(), opposite, entry.amount(),
                "reversal: " + entry.memo());
    }
}

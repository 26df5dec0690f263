package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.Period;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps what the fund paid for each outpatient or emergency visit, once per visit event id, so the budget's base
 * spend and a close's actual spend include the covered population's outpatient care. A batch is one transaction: the
 * visits that correct nothing are inserted together (a repeated id is skipped; a visit that a stored correction
 * already names goes in superseded); then each correction, in the batch's order, replaces the standing versions of the
 * visit it names — whichever version it names, and whichever arrives first — and is inserted. A correction naming
 * itself names nothing.
 *
 * <p>Every version is keyed by its visit's first report in a unique index of standing rows (V27), as stays are (V26):
 * a visit and a correction of it recorded at the same moment by two consumers (two institutions' partitions) would
 * otherwise both stand. The later insert waits for the other batch and fails once it commits; the batch is recorded
 * again ({@link StandingVersionConflict}) and then reads the other's row. The index cannot see a correction of a
 * correction still in flight (the walk up to the first report stops at the version not yet visible), so a batch with
 * corrections first locks their chains ({@link #LOCK_VISITS}), as a batch correcting stays does.
 */
@ApplicationScoped
public class OutpatientSpend {

    private static final String INSERT = "INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, "
            + "visit_date, fund_paid_fen, corrects_event_id, superseded, recorded_at) "
            + "SELECT v, i, r, d, f, c, EXISTS (SELECT 1 FROM outpatient_spend s WHERE s.corrects_event_id = v), $7 "
            + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::bigint[], $6::uuid[]) AS t(v, i, r, d, f, c) "
            + "ON CONFLICT (visit_event_id) DO NOTHING RETURNING visit_event_id";
    // A correction ($1 … $7, one row) keyed by its visit's first report: the top of the chain of corrects_event_id up
    // from the version it names ($6) — a version not stored, or a first report; the version it names in a stored cycle.
    private static final String INSERT_CORRECTION = "WITH RECURSIVE up(id) AS (SELECT $6::uuid UNION SELECT v.corrects_event_id "
            + "FROM up JOIN outpatient_spend v ON v.visit_event_id = up.id WHERE v.corrects_event_id IS NOT NULL) "
            + "INSERT INTO outpatient_spend (visit_event_id, institution_id, residence_division, visit_date, fund_paid_fen, "
            + "corrects_event_id, superseded, visit_id, recorded_at) SELECT $1::uuid, $2::text, $3::text, $4::date, $5::bigint, $6, "
            + "EXISTS (SELECT 1 FROM outpatient_spend s WHERE s.corrects_event_id = $1::uuid), "
            + "coalesce((SELECT up.id FROM up LEFT JOIN outpatient_spend v ON v.visit_event_id = up.id "
            + "WHERE v.visit_event_id IS NULL OR v.corrects_event_id IS NULL LIMIT 1), $6), $7::timestamptz "
            + "ON CONFLICT (visit_event_id) DO NOTHING RETURNING visit_id";
    // A correction ($1) arriving after the corrections that replaced it: they were keyed by it, all that was known of
    // the visit; now they are keyed by its first report ($2), as a version recorded at the same moment will be.
    private static final String REKEY = "WITH RECURSIVE later(id) AS (SELECT v.visit_event_id FROM outpatient_spend v "
            + "WHERE v.corrects_event_id = $1::uuid UNION SELECT v.visit_event_id FROM later JOIN outpatient_spend v "
            + "ON v.corrects_event_id = later.id) "
            + "UPDATE outpatient_spend SET visit_id = $2 WHERE visit_event_id IN (SELECT id FROM later) AND NOT superseded";
    // The correction $2 replaces the standing versions of the visit it names ($1): the chain of corrects_event_id up
    // from $1 to the first report and down to every correction of it, except the correction itself and what already
    // corrects it (a correction arriving after the one that replaced it: the later one stands). Before 2026-11-25 only
    // the named row was superseded, and a visit corrected twice stood twice. UNION ends a cycle. Before the correction
    // is inserted (it would meet the version it replaces in V27's index), and not for a correction already stored.
    private static final String REPLACE = "WITH RECURSIVE up(id) AS (SELECT $1::uuid UNION SELECT v.corrects_event_id "
            + "FROM up JOIN outpatient_spend v ON v.visit_event_id = up.id WHERE v.corrects_event_id IS NOT NULL), "
            + "versions(id) AS (SELECT id FROM up UNION SELECT v.visit_event_id FROM versions JOIN outpatient_spend v "
            + "ON v.corrects_event_id = versions.id AND v.corrects_event_id IS NOT NULL), "
            + "later(id) AS (SELECT $2::uuid UNION SELECT v.visit_event_id FROM later JOIN outpatient_spend v "
            + "ON v.corrects_event_id = later.id AND v.corrects_event_id IS NOT NULL) "
            + "UPDATE outpatient_spend SET superseded = TRUE WHERE visit_event_id IN (SELECT id FROM versions) "
            + "AND visit_event_id NOT IN (SELECT id FROM later) AND NOT superseded "
            + "AND NOT EXISTS (SELECT 1 FROM outpatient_spend WHERE visit_event_id = $2)";
    // The batch's corrections and the versions they name, and the chains above them, locked before anything is written
    // (VersionChainLocks): a correction naming a version whose batch is in flight waits for that batch's commit, then
    // replaces what it stored. Without the lock it saw nothing to replace, was keyed by the version it names (the walk up
    // stops at a version not visible), not by the first report, missed it in V27's index, and both stood (2026-11-25 (7):
    // C1 and C2 correcting it, ¥100.00 and ¥80.00 for one ¥80.00 visit). Walked again after the wait, until nothing new
    // appears (VersionChainLocks.hold, 2026-11-25 (8)). Visits that correct nothing are not locked:
    // one recorded while a correction naming it is in flight meets that correction in V27's index instead.
    static final String LOCK_VISITS = VersionChainLocks.upFrom(VersionChainLocks.VISIT_CLASS, "outpatient_spend", "visit_event_id");
    /** The unique index that keeps one version of a visit standing (V27). */
    static final String ONE_STANDING_VERSION = "outpatient_spend_one_standing_version";

    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    public OutpatientSpend(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the visits, in parts if their locks do not fit in the server's lock table ({@link FittingBatches}: a poll
     * of thousands of corrections locks two versions or more for each). Refused are only the visits of a part that
     * failed after an earlier part committed.
     */
    public Uni<CaseSettlementService.BatchResult> recordFitting(List<OutpatientVisitRecorded> visits) {
        return FittingBatches.settle(visits, part -> record(part).replaceWith(new CaseSettlementService.BatchResult(part.size(), Map.of())));
    }

    public Uni<Void> record(List<OutpatientVisitRecorded> visits) {
        if (visits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<OutpatientVisitRecorded> plain = visits.stream().filter(visit -> corrected(visit) == null).toList();
        List<OutpatientVisitRecorded> corrections = visits.stream().filter(visit -> corrected(visit) != null).toList();
        return pool.withTransaction(connection -> lockVersions(connection, corrections)
                .chain(() -> plain.isEmpty() ? Uni.createFrom().voidItem()
                        : StandingVersionConflict.ifMetIn(ONE_STANDING_VERSION, connection.preparedQuery(INSERT).execute(rows(plain, now)))
                        .replaceWithVoid())
                // One at a time, in the batch's order: each must see the versions the ones before it stored. A stream,
                // not a chain of thousands of nested steps (a hospital re-sending a month of corrected bills).
                .chain(() -> Multi.createFrom().iterable(corrections)
                        .onItem().transformToUniAndConcatenate(correction -> correct(connection, correction, now))
                        .collect().last().replaceWithVoid()));
    }

    private static Uni<Void> lockVersions(SqlConnection connection, List<OutpatientVisitRecorded> corrections) {
        if (corrections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] versions = corrections.stream().flatMap(correction -> Stream.of(correction.eventId().asUuid(), corrected(correction)))
                .distinct().toArray(UUID[]::new);
        return VersionChainLocks.hold(connection, LOCK_VISITS, versions);
    }

    private static Uni<Void> correct(SqlConnection connection, OutpatientVisitRecorded correction, OffsetDateTime now) {
        UUID id = correction.eventId().asUuid();
        return connection.preparedQuery(REPLACE).execute(Tuple.of(corrected(correction), id))
                .chain(() -> StandingVersionConflict.ifMetIn(ONE_STANDING_VERSION,
                        connection.preparedQuery(INSERT_CORRECTION).execute(Tuple.tuple(List.of(id, correction.institutionId().value(),
                                correction.residenceDivision().value(), visitDate(correction), correction.charges().fundPaid().fen(),
                                corrected(correction), now)))))
                .chain(inserted -> inserted.size() == 0 ? Uni.createFrom().voidItem()   // a repeat: changes nothing
                        : StandingVersionConflict.ifMetIn(ONE_STANDING_VERSION, connection.preparedQuery(REKEY)
                        .execute(Tuple.of(id, inserted.iterator().next().getUUID(0)))).replaceWithVoid());
    }

    private static LocalDate visitDate(OutpatientVisitRecorded visit) {
        return LocalDate.ofInstant(visit.occurredAt(), Period.ZONE);
    }

    private static UUID corrected(OutpatientVisitRecorded visit) {
        return visit.replaces() == null ? null : visit.replaces().asUuid();
    }

    private static Tuple rows(List<OutpatientVisitRecorded> visits, OffsetDateTime now) {
        int n = visits.size();
        UUID[] ids = new UUID[n];
        String[] institutions = new String[n];
        String[] residences = new String[n];
        LocalDate[] dates = new LocalDate[n];
        Long[] fundPaid = new Long[n];
        UUID[] corrects = new UUID[n];
        for (int i = 0; i < n; i++) {
            OutpatientVisitRecorded visit = visits.get(i);
            ids[i] = visit.eventId().asUuid();
            institutions[i] = visit.institutionId().value();
            residences[i] = visit.residenceDivision().value();
            dates[i] = visitDate(visit);
            fundPaid[i] = visit.charges().fundPaid().fen();
            corrects[i] = corrected(visit);
        }
        return Tuple.tuple(List.<Object>of(ids, institutions, residences, dates, fundPaid, corrects, now));
    }
}

package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.platform.messaging.ConcurrentChangeException;
import cn.hunan.mma.platform.outbox.OutboxBatch;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import cn.hunan.mma.settlement.persistence.InstitutionEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Settles discharges in batches, once per discharge event id. A batch costs a handful of
 * statements whatever its size: the facts it depends on are read with array parameters, the
 * settlements are decided in memory ({@link DischargeBatch}), and the rows, the superseded stays
 * and the {@link CaseSettled} events are written with multi-row statements in one transaction;
 * the events go into batch outbox rows ({@link OutboxBatch}, up to 1,000 events per row), which the
 * relay expands into one Kafka record per event. A discharge that cannot be settled is returned as
 * refused, to be dead-lettered, without holding up the rest of its batch.
 */
@ApplicationScoped
public class CaseSettlementService {

    private static final Logger LOG = Logger.getLogger(CaseSettlementService.class);

    // Settled already, or corrected by a stored correction (V21: only corrections are in that index).
    private static final String SETTLED = "SELECT discharge_event_id, FALSE FROM case_settlement WHERE discharge_event_id = ANY($1::uuid[]) "
            + "UNION ALL SELECT corrects_event_id, TRUE FROM case_settlement WHERE corrects_event_id = ANY($1::uuid[])";
    private static final String LEVELS = "SELECT id, level FROM institution WHERE id = ANY($1::text[])";
    private static final String STAYS = "SELECT discharge_event_id, episode_id, institution_id, deductible_fen FROM case_settlement "
            + "WHERE NOT superseded AND episode_id = ANY($1::text[])";
    // The standing versions of the stays the batch's corrections name ($1), with what they owed. A stay's versions are a
    // chain of corrects_event_id (V21): up from the named row to the first report of the stay, then down to every
    // correction of any of them. The standing ones are the named row while it stands, else what replaced it — also when
    // the named row was never stored, or a correction names a version already replaced. UNION, not UNION ALL: a cycle
    // in the chain ends instead of recursing for ever.
    private static final String STANDING_VERSIONS = "WITH RECURSIVE up(named, id) AS (SELECT n, n FROM unnest($1::uuid[]) AS n "
            + "UNION SELECT up.named, c.corrects_event_id FROM up JOIN case_settlement c ON c.discharge_event_id = up.id "
            + "WHERE c.corrects_event_id IS NOT NULL), "
            + "down(named, id) AS (SELECT named, id FROM up "
            + "UNION SELECT down.named, c.discharge_event_id FROM down JOIN case_settlement c ON c.corrects_event_id = down.id "
            + "AND c.corrects_event_id IS NOT NULL) "
            + "SELECT s.discharge_event_id, s.episode_id, s.institution_id, s.deductible_fen, down.named, s.method, "
            + "split_part(s.rule_version, '/', 1), s.settlement_year, s.outlier FROM down "
            + "JOIN case_settlement s ON s.discharge_event_id = down.id WHERE NOT s.superseded";
    // The chains above the versions the batch's corrections name ($1), each version with whether it is the top: not
    // stored, or a first report (StayChains). UNION ends a stored cycle.
    private static final String CHAINS = "WITH RECURSIVE up(named, id) AS (SELECT n, n FROM unnest($1::uuid[]) AS n "
            + "UNION SELECT up.named, c.corrects_event_id FROM up JOIN case_settlement c ON c.discharge_event_id = up.id "
            + "WHERE c.corrects_event_id IS NOT NULL) "
            + "SELECT up.named, up.id, s.discharge_event_id IS NULL OR s.corrects_event_id IS NULL "
            + "FROM up LEFT JOIN case_settlement s ON s.discharge_event_id = up.id";
    // Standing rows whose stay the batch learnt: a version between them and the first report arrived after them.
    private static final String RESTAY = "UPDATE case_settlement c SET stay_id = t.stay FROM unnest($1::uuid[], $2::uuid[]) "
            + "AS t(id, stay) WHERE c.discharge_event_id = t.id AND NOT c.superseded";
    // Batches may settle concurrently (mp.messaging.incoming.inpatient.concurrency > 1, or a second
    // instance during a rebalance), and an episode's stays are keyed by their institutions, so they can
    // sit on different partitions. A batch therefore locks its episodes before reading their stays, and
    // holds the locks until it commits: a later stay then sees what an earlier one paid. Locks are taken
    // in one order (sorted keys), so two batches never wait for each other in a cycle.
    private static final int EPISODE_LOCK_CLASS = 0x45504953;
    // Two corrections of one stay may be settled at the same moment: by two consumers when they come from different
    // institutions (different partitions), or around a rebalance. Each would read the same standing version and both
    // would stand — the fund paying the stay twice. So a batch with corrections first locks every version up the chain
    // from each row they name, and the corrections themselves: two corrections of one stay then share a lock — the top
    // of the stored chain, or, when one names the other while it is in flight, the earlier correction's own id — and
    // the later batch waits for the earlier one's commit and reads its correction as the standing version. The chain is
    // read before the wait, so a batch that waited on an in-flight correction has not locked what is above it: since
    // 2026-11-25 (8) it walks the chain again, and locks what it finds, until nothing new appears (VersionChainLocks.hold;
    // a version in between still in flight re-keys what it sees above it, not this batch's correction: for visits the
    // first report recorded meanwhile then stood beside it; here that batch's restatement found the row replaced and it
    // was settled again). A third batch can still read the same version standing while
    // it is replaced: the supersede catches that (SUPERSEDE: a row read as standing and replaced meanwhile is a
    // ConcurrentChangeException, and the batch is settled again). Originals are not locked (a
    // lock per discharge for what only out-of-order, cross-partition reports cause): an original settled while a
    // correction naming it is in flight meets that correction in V26's unique index instead (ONE_STANDING_VERSION).
    // Taken after the episode locks and sorted, like them, so no two batches wait on each other in a cycle.
    static final String LOCK_STAYS = VersionChainLocks.upFrom(VersionChainLocks.STAY_CLASS, "case_settlement", "discharge_event_id");
    private static final String CLEARED = "SELECT area, clearing_year, point_value FROM dip_clearing "
            + "WHERE area || ':' || clearing_year = ANY($1::text[])";
    static final String LOCK_EPISODES = "SELECT count(pg_advisory_xact_lock(" + EPISODE_LOCK_CLASS + ", k)) "
            + "FROM (SELECT DISTINCT hashtext(e) AS k FROM unnest($1::text[]) AS e ORDER BY k) AS episode_locks";
    // Every rule area's counts of a year and method in one pass (a version id is "area/effective-from"). What the
    // in-memory counts follow between starts (ReviewCounts): a batch adds its standing cases and withdraws the stored
    // versions its corrections replace, each under its own key.
    static final String COUNTS = "SELECT split_part(rule_version, '/', 1), count(*), "
            + "count(*) FILTER (WHERE outlier = 'EXPERT_REVIEW') FROM case_settlement "
            + "WHERE settlement_year = $1 AND method = $2 AND NOT superseded GROUP BY 1";
    // Only rows still standing: a row another batch superseded after this one read it is left alone and missing from
    // what is returned (READ COMMITTED re-checks the condition after waiting for that batch's row lock).
    private static final String SUPERSEDE = "UPDATE case_settlement SET superseded = TRUE WHERE discharge_event_id = ANY($1::uuid[]) "
            + "AND NOT superseded RETURNING discharge_event_id";
    // A concurrent consumer (a rebalance) may have settled one meanwhile: those rows are skipped and
    // only the rows really inserted get an outbox row.
    private static final String INSERT = "INSERT INTO case_settlement (discharge_event_id, institution_id, settlement_year, method, "
            + "group_code, episode_id, standard_fen, actual_fen, deductible_fen, fund_payable_fen, outlier, rule_version, "
            + "residence_division, discharge_date, insured_area, dip_points, coefficient, dip_point_value, corrects_event_id, superseded, "
            + "stay_id, settled_at) SELECT d, i, y, m, g, e, s, a, ded, f, o, r, res, dd, ins, pts, coef, pv, cor, sup, st, $22 FROM unnest($1::uuid[], "
            + "$2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], "
            + "$11::text[], $12::text[], $13::text[], $14::date[], $15::text[], $16::numeric[], $17::numeric[], $18::numeric[], $19::uuid[], "
            + "$20::boolean[], $21::uuid[]) AS t(d, i, y, m, g, e, s, a, ded, f, o, r, res, dd, ins, pts, coef, pv, cor, sup, st) "
            + "ON CONFLICT (discharge_event_id) DO NOTHING RETURNING discharge_event_id";

    /** Why each refused discharge was refused, by its position in the batch. */
    public record BatchResult(int settled, Map<Integer, CaseNotSettledException> refused) {

        /** This part's result followed by the next part's, whose positions start at {@code offset} in the whole batch. */
        BatchResult then(BatchResult next, int offset) {
            Map<Integer, CaseNotSettledException> both = new HashMap<>(refused);
            next.refused().forEach((index, reason) -> both.put(offset + index, reason));
            return new BatchResult(settled + next.settled(), both);
        }
    }

    private final Mutiny.SessionFactory sessions;
    private final Pool pool;
    private final CaseSettlers settlers;
    private final ParameterService parameters;
    private final ReviewCounts counts;
    private final SettlementMeters meters;
    private final Clock clock = Clock.systemUTC();

    public CaseSettlementService(Mutiny.SessionFactory sessions, Pool pool, CaseSettlers settlers, ParameterService parameters,
                                 ReviewCounts counts, SettlementMeters meters) {
        this.sessions = sessions;
        this.pool = pool;
        this.settlers = settlers;
        this.parameters = parameters;
        this.counts = counts;
        this.meters = meters;
    }

    /** Settles the batch, in parts if its locks do not fit in the server's lock table ({@link FittingBatches}). */
    public Uni<BatchResult> settleFitting(List<InpatientDischarged> discharges) {
        return FittingBatches.settle(discharges, this::settle);
    }


    public Uni<BatchResult> settle(List<InpatientDischarged> discharges) {
        if (discharges.isEmpty()) {
            return Uni.createFrom().item(new BatchResult(0, Map.of()));
        }
        Set<DivisionCode> areas = new HashSet<>();
        discharges.forEach(discharge -> areas.add(discharge.insuredAreaDivision()));
        return parameters.lookup(areas).chain(lookup -> pool.withTransaction(connection -> read(connection, discharges)
                .chain(facts -> {
                    Function<InpatientDischarged, Optional<ParameterVersion>> versionOf =
                            discharge -> lookup.apply(discharge.insuredAreaDivision(), discharge.dischargeDate());
                    List<Priced> priced = priced(discharges, versionOf);
                    return clearedPointValues(connection, priced, facts.standingDipYears).chain(cleared -> {
                        DischargeBatch.Known known = new DischargeBatch.Known(facts.settled, facts.namedByStoredCorrections,
                                facts.levels, facts.primaryLevel, facts.stays, facts.standingVersions, versionOf, counts, cleared,
                                facts.chains, facts.standingCounted);
                        return loadCounts(connection, priced)
                                .map(loaded -> DischargeBatch.settle(discharges, known, settlers, clock.instant()))
                                .call(outcome -> write(connection, outcome));
                    });
                }))
                // After the commit, once: a batch settled again after a conflict decided anew, and only its last
                // attempt committed.
                .invoke(outcome -> {
                    counts.add(outcome.countIncrements());
                    counts.withdraw(outcome.countWithdrawals());
                    meters.committed(outcome.countIncrements(), outcome.refused().size());
                })
                .map(outcome -> new BatchResult(outcome.settled().size(), outcome.refused())));
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

    private static final class Facts {
        Set<UUID> settled = new HashSet<>();
        Set<UUID> namedByStoredCorrections = new HashSet<>();
        Map<String, Level> levels = new HashMap<>();
        Set<String> primaryLevel = Set.of();
        List<DischargeBatch.StoredStay> stays = new ArrayList<>();
        Map<UUID, Set<UUID>> standingVersions = new HashMap<>();
        Map<UUID, StayChains.Stored> chains = new HashMap<>();
        Map<UUID, ReviewCounts.Counted> standingCounted = new HashMap<>();   // where those versions count towards the quota
        Set<String> standingDipYears = new HashSet<>();   // the DIP years of those versions, which a correction may withdraw
    }

    private static Uni<Facts> read(SqlConnection connection, List<InpatientDischarged> discharges) {
        UUID[] ids = discharges.stream().map(discharge -> discharge.eventId().asUuid()).toArray(UUID[]::new);
        String[] institutions = discharges.stream().map(discharge -> discharge.institutionId().value()).distinct().toArray(String[]::new);
        String[] diagnoses = discharges.stream().map(discharge -> discharge.principalDiagnosis().value()).distinct()
                .toArray(String[]::new);
        String[] episodes = discharges.stream().filter(discharge -> discharge.episodeId() != null)
                .map(discharge -> discharge.episodeId().value()).distinct().toArray(String[]::new);
        Set<UUID> corrected = new HashSet<>();
        Set<UUID> versions = new HashSet<>();   // what the batch's corrections name, and the corrections themselves
        for (InpatientDischarged discharge : discharges) {
            UUID named = DischargeBatch.corrected(discharge);
            if (named != null) {
                corrected.add(named);
                versions.add(named);
                versions.add(discharge.eventId().asUuid());
            }
        }
        Facts facts = new Facts();
        Uni<Void> locked = episodes.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(LOCK_EPISODES).execute(Tuple.of((Object) episodes)).replaceWithVoid();
        return locked.chain(() -> versions.isEmpty() ? Uni.createFrom().nullItem()
                        : VersionChainLocks.hold(connection, LOCK_STAYS, versions.toArray(UUID[]::new)))
                .chain(() -> connection.preparedQuery(SETTLED).execute(Tuple.of(ids)))
                .invoke(rows -> rows.forEach(row -> (row.getBoolean(1) ? facts.namedByStoredCorrections : facts.settled)
                        .add(row.getUUID(0))))
                .chain(() -> connection.preparedQuery(LEVELS).execute(Tuple.of(institutions)))
                .invoke(rows -> rows.forEach(row -> facts.levels.put(row.getString(0), Level.valueOf(row.getString(1)))))
                .chain(() -> GuidanceCatalogue.primaryLevel(connection, diagnoses))
                .invoke(primary -> facts.primaryLevel = primary)
                .chain(() -> episodes.length == 0 ? Uni.createFrom().nullItem()
                        : connection.preparedQuery(STAYS).execute(Tuple.of((Object) episodes))
                        .invoke(rows -> rows.forEach(row -> facts.stays.add(stay(row)))))
                // The versions standing for the stays the batch's corrections name, and for its discharges that stored
                // corrections name (a version arriving after the correction that replaced it).
                .invoke(() -> corrected.addAll(facts.namedByStoredCorrections))
                .chain(() -> corrected.isEmpty() ? Uni.createFrom().nullItem()
                        : connection.preparedQuery(STANDING_VERSIONS).execute(Tuple.of((Object) corrected.toArray(UUID[]::new)))
                        .invoke(rows -> rows.forEach(row -> {
                            facts.stays.add(stay(row));   // a stay of one of the batch's episodes twice: the same facts
                            facts.standingVersions.computeIfAbsent(row.getUUID(4), named -> new HashSet<>()).add(row.getUUID(0));
                            facts.standingCounted.put(row.getUUID(0), counted(row));
                            if (PaymentMethod.DIP.name().equals(row.getString(5))) {
                                facts.standingDipYears.add(DischargeBatch.clearedYear(row.getString(6), row.getInteger(7)));
                            }
                        })))
                .chain(() -> corrected.isEmpty() ? Uni.createFrom().nullItem()
                        : connection.preparedQuery(CHAINS).execute(Tuple.of((Object) corrected.toArray(UUID[]::new)))
                        .invoke(rows -> facts.chains = chains(rows)))
                .replaceWith(facts);
    }

    /**
     * The point values of the cleared DIP years the batch's DIP cases fall in, read under those years' shared locks
     * ({@link DipYearLocks}); no query for a batch without DIP cases. The years of the stored DIP versions its
     * corrections may replace ({@code withdrawn}) are locked too: a correction moved to another year, area or method
     * would otherwise withdraw a case between a clearing's sum of the year's points and its revaluation, and the point
     * value would count points no institution's line carries.
     */
    private static Uni<Map<String, BigDecimal>> clearedPointValues(SqlConnection connection, List<Priced> priced,
                                                                   Set<String> withdrawn) {
        Set<String> years = new HashSet<>(withdrawn);
        for (Priced one : priced) {
            if (one.method() == PaymentMethod.DIP) {
                years.add(DischargeBatch.clearedYear(one.version().area(), one.discharge().dischargeDate().getYear()));
            }
        }
        if (years.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = years.toArray(String[]::new);
        return connection.preparedQuery(DipYearLocks.SHARED).execute(Tuple.of((Object) keys))
                .chain(() -> connection.preparedQuery(CLEARED).execute(Tuple.of((Object) keys)))
                .map(rows -> {
                    Map<String, BigDecimal> cleared = new HashMap<>();
                    rows.forEach(row -> cleared.put(DischargeBatch.clearedYear(row.getString(0), row.getInteger(1)), row.getBigDecimal(2)));
                    return cleared;
                });
    }

    private static Map<UUID, StayChains.Stored> chains(Iterable<Row> rows) {
        Map<UUID, Set<UUID>> versions = new HashMap<>();
        Map<UUID, UUID> tops = new HashMap<>();
        for (Row row : rows) {
            versions.computeIfAbsent(row.getUUID(0), named -> new HashSet<>()).add(row.getUUID(1));
            if (row.getBoolean(2)) {
                tops.put(row.getUUID(0), row.getUUID(1));
            }
        }
        Map<UUID, StayChains.Stored> chains = new HashMap<>();
        versions.forEach((named, chain) -> chains.put(named, new StayChains.Stored(chain, tops.get(named))));
        return chains;
    }

    /** Keyed as COUNTS groups the table's standing rows: the row's own area, year and method, not its correction's. */
    private static ReviewCounts.Counted counted(Row row) {
        return new ReviewCounts.Counted(new ReviewCounts.Key(row.getString(6), row.getInteger(7), row.getString(5)),
                ReviewCounts.EXPERT_REVIEW.equals(row.getString(8)));
    }

    private static DischargeBatch.StoredStay stay(Row row) {
        return new DischargeBatch.StoredStay(row.getUUID(0), row.getString(1), row.getString(2), row.getLong(3));
    }

    /**
     * The review counts of the rule areas, years and methods the batch settles, read from the table the first time:
     * one query per year and method, which loads every area's.
     */
    private Uni<Void> loadCounts(SqlConnection connection, List<Priced> priced) {
        Map<YearAndMethod, Set<ReviewCounts.Key>> missing = new HashMap<>();
        for (Priced one : priced) {
            ReviewCounts.Key key = DischargeBatch.countKey(one.version(), one.discharge(), one.method());
            if (!counts.knows(key)) {
                missing.computeIfAbsent(new YearAndMethod(key.year(), key.method()), yearAndMethod -> new HashSet<>()).add(key);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<YearAndMethod, Set<ReviewCounts.Key>> yearAndMethod : missing.entrySet()) {
            int year = yearAndMethod.getKey().year();
            String method = yearAndMethod.getKey().method();
            chain = chain.chain(() -> connection.preparedQuery(COUNTS).execute(Tuple.of(year, method))
                    .invoke(rows -> {
                        rows.forEach(row -> counts.load(new ReviewCounts.Key(row.getString(0), year, method), row.getLong(1),
                                row.getLong(2)));
                        yearAndMethod.getValue().forEach(key -> counts.load(key, 0, 0));   // none settled yet
                    }).replaceWithVoid());
        }
        return chain;
    }

    private record YearAndMethod(int year, String method) {
    }

    /** A discharge of the batch with the rules that will price it and their method. */
    private record Priced(InpatientDischarged discharge, ParameterVersion version, PaymentMethod method) {
    }

    /**
     * The batch's discharges whose rules are in force and can be read, looked up once for the batch's reads. A version
     * that cannot be read (stored before a check it now fails) is the discharge's own fault, refused with the reason
     * when the batch settles it, not the batch's.
     */
    private List<Priced> priced(List<InpatientDischarged> discharges,
                                Function<InpatientDischarged, Optional<ParameterVersion>> versionOf) {
        List<Priced> priced = new ArrayList<>(discharges.size());
        for (InpatientDischarged discharge : discharges) {
            try {
                versionOf.apply(discharge).ifPresent(version ->
                        priced.add(new Priced(discharge, version, settlers.of(version).rules().method())));
            } catch (RuntimeException e) {
                // left to DischargeBatch, which refuses this discharge alone
            }
        }
        return priced;
    }

    /** The unique index that keeps one version of a stay standing (V26). */
    static final String ONE_STANDING_VERSION = "case_settlement_one_standing_version";

    // The stored rows the batch's corrections replace are superseded first, then the batch's rows go in, each already
    // marked (an original and its correction in one batch: the original goes in superseded). In that order no
    // correction meets the version it replaces still standing in V26's index; what it does meet there is another
    // batch's version of the stay, settled at the same moment — an original beside a correction from another partition.
    private static Uni<Void> write(SqlConnection connection, DischargeBatch.Outcome outcome) {
        // The batch's own rows among them are not stored yet: they go in marked.
        Uni<Void> superseded = outcome.superseded().isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(SUPERSEDE).execute(Tuple.of((Object) outcome.superseded().toArray(UUID[]::new)))
                .invoke(rows -> {
                    Set<UUID> replacedMeanwhile = new HashSet<>(outcome.supersededAsRead());
                    rows.forEach(row -> replacedMeanwhile.remove(row.getUUID(0)));
                    if (!replacedMeanwhile.isEmpty()) {
                        throw new ConcurrentChangeException("stays " + replacedMeanwhile + " were replaced by another batch "
                                + "after this one read them as standing: settling the batch again");
                    }
                }).replaceWithVoid();
        return outcome.settled().isEmpty() ? superseded : superseded.chain(() -> againIfAnotherVersionStands(connection
                        .preparedQuery(INSERT).execute(rows(outcome.settled(), outcome.superseded())))
                .chain(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    List<CaseSettled> announced = new ArrayList<>(outcome.settled().stream()
                            .filter(settled -> settled.stands() && fresh.contains(settled.discharge().eventId().asUuid()))
                            .map(DischargeBatch.Settled::event).toList());
                    return Restatements.read(connection, outcome.restated(), outcome.settled().get(0).event().occurredAt())
                            .invoke(announced::addAll)
                            // Batch rows: the relay's cost is per row, and it sends each CaseSettled as its own record.
                            .chain(() -> OutboxRows.insert(connection, OutboxBatch.rows(CaseSettledJson.outboxEvents(announced))));
                })
                .chain(() -> restay(connection, outcome.restayed())));
    }

    private static Uni<Void> restay(SqlConnection connection, Map<UUID, UUID> restayed) {
        if (restayed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] rows = restayed.keySet().toArray(UUID[]::new);
        UUID[] stays = Arrays.stream(rows).map(restayed::get).toArray(UUID[]::new);
        return againIfAnotherVersionStands(connection.preparedQuery(RESTAY).execute(Tuple.of(rows, stays))).replaceWithVoid();
    }

    /** Another batch's version of one of the batch's stays met in V26's index: the batch is settled again. */
    private static <T> Uni<T> againIfAnotherVersionStands(Uni<T> statement) {
        return StandingVersionConflict.ifMetIn(ONE_STANDING_VERSION, statement);
    }

    private static Tuple rows(List<DischargeBatch.Settled> settled, Set<UUID> superseded) {
        int n = settled.size();
        UUID[] ids = new UUID[n];
        String[] institutions = new String[n];
        Integer[] years = new Integer[n];
        String[] methods = new String[n];
        String[] groups = new String[n];
        String[] episodes = new String[n];
        Long[] standard = new Long[n];
        Long[] actual = new Long[n];
        Long[] deductible = new Long[n];
        Long[] payable = new Long[n];
        String[] outliers = new String[n];
        String[] versions = new String[n];
        String[] residences = new String[n];
        LocalDate[] dischargeDates = new LocalDate[n];
        String[] insuredAreas = new String[n];
        Numeric[] dipPoints = new Numeric[n];
        Numeric[] coefficients = new Numeric[n];
        Numeric[] pointValues = new Numeric[n];
        UUID[] corrects = new UUID[n];
        Boolean[] replaced = new Boolean[n];
        UUID[] stays = new UUID[n];
        for (int i = 0; i < n; i++) {
            DischargeBatch.Settled one = settled.get(i);
            InpatientDischarged discharge = one.discharge();
            ids[i] = discharge.eventId().asUuid();
            institutions[i] = discharge.institutionId().value();
            years[i] = discharge.dischargeDate().getYear();
            methods[i] = one.decision().method().name();
            groups[i] = one.decision().groupCode();
            episodes[i] = discharge.episodeId() == null ? null : discharge.episodeId().value();
            standard[i] = one.decision().standardPayment().fen();
            actual[i] = one.decision().actualCost().fen();
            deductible[i] = one.decision().deductibleDue().fen();
            payable[i] = one.decision().fundPayable().fen();
            outliers[i] = one.decision().outlier().name();
            versions[i] = one.ruleVersion();
            residences[i] = discharge.residenceDivision().value();
            dischargeDates[i] = discharge.dischargeDate();
            insuredAreas[i] = discharge.insuredAreaDivision().value();
            // The DIP score as applied (adjusted for a high-cost case): what the year-end clearing values.
            dipPoints[i] = one.decision().method() == PaymentMethod.DIP ? Numeric.create(one.decision().appliedWeight()) : null;
            coefficients[i] = Numeric.create(one.decision().coefficient());
            pointValues[i] = one.dipPointValue() == null ? null : Numeric.create(one.dipPointValue());
            corrects[i] = DischargeBatch.corrected(discharge);
            replaced[i] = superseded.contains(ids[i]);
            stays[i] = one.stay();
        }
        Instant settledAt = settled.get(0).event().occurredAt();
        return Tuple.tuple(List.<Object>of(ids, institutions, years, methods, groups, episodes, standard, actual, deductible, payable,
                outliers, versions, residences, dischargeDates, insuredAreas, dipPoints, coefficients, pointValues, corrects,
                replaced, stays, OffsetDateTime.ofInstant(settledAt, ZoneOffset.UTC)));
    }
}

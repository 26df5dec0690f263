package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEvent;
import cn.hunan.mma.settlement.domain.cases.DipClearing;
import cn.hunan.mma.settlement.domain.ledger.DipClearingPostings;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import cn.hunan.mma.settlement.domain.ledger.LedgerTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * DIP year-end clearings of a rule area: its standing DIP cases of the year are those priced under one of its own
 * parameter versions (rule_version "area/…"), wherever the patient lived. Made once, stored with who made it, posted
 * to the ledger (the fund pays or claws back each institution's adjustment) and published — one {@code DipYearCleared}
 * per institution through the outbox — in the transaction that revalues the cases.
 */
@ApplicationScoped
public class DipClearings {

    private static final String EXISTING = "SELECT 1 FROM dip_clearing WHERE area = $1 AND clearing_year = $2";
    // The year's standing DIP cases priced under the area's rules ($1 "area/%", $2 the year), as case_settlement c.
    private static final String IN_SCOPE = "NOT c.superseded AND c.method = 'DIP' AND c.settlement_year = $2 "
            + "AND c.rule_version LIKE $1 ";
    private static final String YEAR_CASES = "FROM case_settlement c "
            + "LEFT JOIN case_review_decision d ON d.discharge_event_id = c.discharge_event_id WHERE " + IN_SCOPE;
    private static final String POINTS = "SELECT count(*), coalesce(sum(c.dip_points), 0), "
            + "count(*) FILTER (WHERE c.dip_points IS NULL OR c.coefficient IS NULL), "
            + "count(*) FILTER (WHERE c.outlier = 'EXPERT_REVIEW' AND d.discharge_event_id IS NULL) " + YEAR_CASES;
    // A case paid by its points is revalued: points × point value × coefficient, half up to the fen (PostgreSQL's
    // numeric round goes half away from zero: half up for these positive amounts), less its deductible due. Each case
    // keeps its value, so spend counts the year as cleared.
    private static final String REVALUE = "UPDATE case_settlement c SET cleared_fund_payable_fen = CASE "
            + "WHEN c.outlier = 'LOW_COST' OR EXISTS (SELECT 1 FROM case_review_decision d "
            + "WHERE d.discharge_event_id = c.discharge_event_id) THEN c.fund_payable_fen "
            + "ELSE greatest(0, round(c.dip_points * $3::numeric * c.coefficient * 100) - c.deductible_fen) END "
            + "WHERE " + IN_SCOPE;
    private static final String LINES = "SELECT c.institution_id, count(*), sum(c.dip_points), sum(c.fund_payable_fen)::bigint, "
            + "sum(c.cleared_fund_payable_fen)::bigint FROM case_settlement c WHERE " + IN_SCOPE
            + "GROUP BY c.institution_id ORDER BY c.institution_id";
    private static final String STORE = "INSERT INTO dip_clearing (area, clearing_year, budget_fen, point_value, result_json, "
            + "cleared_by, cleared_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String STORED = "SELECT result_json FROM dip_clearing WHERE area = $1 AND clearing_year = $2";
    private static final String POST = "INSERT INTO ledger_entry (id, transaction_id, account, side, amount_fen, memo, posted_at, "
            + "clearing_area, clearing_year) SELECT i, t, a, s, f, m, $7, $8, $9 "
            + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS e(i, t, a, s, f, m)";
    private static final String POSTED = "SELECT " + LedgerRows.COLUMNS + " FROM ledger_entry "
            + "WHERE clearing_area = $1 AND clearing_year = $2 ORDER BY posted_at, transaction_id, side DESC, account";

    // What changed in the year's cases after its clearing: standing cases it did not revalue (settled since, at its
    // point value: late discharges and corrections) and cases it revalued that a correction has superseded since.
    private static final String LATE = "NOT c.superseded AND c.cleared_fund_payable_fen IS NULL";
    private static final String WITHDRAWN = "c.superseded AND c.cleared_fund_payable_fen IS NOT NULL";
    private static final String SINCE = "SELECT count(*) FILTER (WHERE " + LATE + "), "
            + "coalesce(sum(c.dip_points) FILTER (WHERE " + LATE + "), 0), "
            + "coalesce(sum(c.fund_payable_fen) FILTER (WHERE " + LATE + "), 0)::bigint, "
            + "count(*) FILTER (WHERE " + WITHDRAWN + "), "
            + "coalesce(sum(c.cleared_fund_payable_fen) FILTER (WHERE " + WITHDRAWN + "), 0)::bigint "
            + "FROM case_settlement c WHERE c.method = 'DIP' AND c.settlement_year = $2 AND c.rule_version LIKE $1";

    private final Pool pool;

    /**
     * The year's cases since its clearing, read when asked (the stored clearing stays as made): what the fund pays
     * beyond the cleared total, which the clearing's budget did not buy and its ledger does not hold.
     *
     * @param lateCases            standing cases the clearing did not revalue: settled after it, at its point value
     * @param lateFundPayable      what the fund pays for them
     * @param withdrawnCases       cases the clearing revalued that a correction has superseded since
     * @param withdrawnFundPayable their cleared amounts, no longer paid
     */
    public record SinceClearing(long lateCases, BigDecimal latePoints, Money lateFundPayable, long withdrawnCases,
                                Money withdrawnFundPayable) {
    }

    public DipClearings(Pool pool) {
        this.pool = pool;
    }

    /**
     * Clears the area's year with its DIP budget and stores the result as {@code render} writes it.
     *
     * @throws DipClearingConflictException already cleared (also concurrently), no DIP case, cases settled before their
     *                                      points were kept, or expert reviews still undecided
     */
    public Uni<String> clear(DivisionCode area, int year, Money budget, String clearedBy, Instant at,
                             Function<DipClearing, String> render) {
        Tuple scope = Tuple.of(area.value() + "/%", year);
        // The year's cases are read once the year is over, but corrections and late discharges may still arrive. The
        // year's exclusive lock waits for batches settling its cases, or replacing one of them (a correction moved to
        // another year or area takes this year's lock too, since 2026-11-25 (3)), and holds new ones back until the
        // clearing commits (they are then priced at its point value); with no review pending, nothing else changes the
        // year's cases, so each statement reading the latest committed rows sees the same cases: Σ points and the lines agree.
        return pool.withTransaction(connection -> connection.preparedQuery(DipYearLocks.EXCLUSIVE)
                .execute(Tuple.of(DischargeBatch.clearedYear(area.value(), year)))
                .chain(() -> connection.preparedQuery(EXISTING).execute(Tuple.of(area.value(), year)))
                .invoke(found -> {
                    if (found.size() > 0) {
                        throw new DipClearingConflictException("Already cleared", area.value() + " " + year + " is cleared already");
                    }
                })
                .chain(() -> connection.preparedQuery(POINTS).execute(scope))
                .chain(rows -> {
                    Row totals = rows.iterator().next();
                    long cases = totals.getLong(0);
                    BigDecimal points = totals.getBigDecimal(1);
                    long withoutPoints = totals.getLong(2);
                    long pendingReviews = totals.getLong(3);
                    if (cases == 0) {
                        throw new DipClearingConflictException("Nothing to clear",
                                "no standing DIP case of " + year + " was settled under " + area.value() + "'s rules");
                    }
                    if (withoutPoints > 0) {
                        throw new DipClearingConflictException("Cases without points", withoutPoints + " of the " + cases
                                + " cases were settled before their DIP points were kept (V13): they cannot be revalued");
                    }
                    if (pendingReviews > 0) {
                        // A decision after the clearing would change what the fund pays under a clearing that is final.
                        throw new DipClearingConflictException("Reviews pending", pendingReviews + " of the " + cases
                                + " cases await an expert-review decision: decide them first (/api/v1/case-reviews)");
                    }
                    BigDecimal pointValue = DipClearing.pointValue(budget, points);
                    return lines(connection, scope, pointValue).map(lines ->
                            new DipClearing(area.value(), year, budget, cases, points, pointValue, lines));
                })
                .chain(clearing -> {
                    String json = render.apply(clearing);
                    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
                    return connection.preparedQuery(STORE).execute(Tuple.tuple(List.of(area.value(), year, budget.fen(),
                                    Numeric.create(clearing.pointValue()), json, clearedBy, when)))
                            .chain(() -> post(connection, clearing, when))
                            .chain(() -> OutboxRows.insert(connection, published(clearing, at)))
                            .replaceWith(json);
                }))
                // The lock makes a second clearing of the year wait and then find the first; the key still refuses a
                // second row should anything clear without it.
                .onFailure(failure -> sqlState(failure, "23505")).transform(e -> new DipClearingConflictException(
                        "Already cleared", area.value() + " " + year + " was cleared concurrently"));
    }

    private static boolean sqlState(Throwable failure, String state) {
        return failure instanceof PgException pg && state.equals(pg.getSqlState());
    }

    /** The stored clearing, as it was rendered when made. */
    public Uni<Optional<String>> stored(DivisionCode area, int year) {
        return pool.preparedQuery(STORED).execute(Tuple.of(area.value(), year)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<SinceClearing> since(DivisionCode area, int year) {
        return pool.preparedQuery(SINCE).execute(Tuple.of(area.value() + "/%", year)).map(rows -> {
            Row row = rows.iterator().next();
            return new SinceClearing(row.getLong(0), DipClearing.shown(row.getBigDecimal(1)), Money.ofFen(row.getLong(2)),
                    row.getLong(3), Money.ofFen(row.getLong(4)));
        });
    }

    /** The clearing's ledger entries (none when no amount changed), oldest first. */
    public Uni<List<PostedEntry>> posted(DivisionCode area, int year) {
        return pool.preparedQuery(POSTED).execute(Tuple.of(area.value(), year)).map(rows -> {
            List<PostedEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new PostedEntry(LedgerRows.entry(row), LedgerRows.postedAt(row)));
            }
            return entries;
        });
    }

    /** A ledger entry as posted. */
    public record PostedEntry(LedgerEntry entry, Instant postedAt) {
    }

    private static Uni<Void> post(SqlConnection connection, DipClearing clearing, OffsetDateTime at) {
        Optional<LedgerTransaction> transaction = DipClearingPostings.of(clearing);
        if (transaction.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<LedgerEntry> entries = transaction.get().entries();
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] transactions = new String[n];
        String[] accounts = new String[n];
        String[] sides = new String[n];
        Long[] fen = new Long[n];
        String[] memos = new String[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry entry = entries.get(i);
            ids[i] = UUID.randomUUID();
            transactions[i] = entry.transactionId();
            accounts[i] = entry.account();
            sides[i] = entry.side().name();
            fen[i] = entry.amount().fen();
            memos[i] = entry.memo();
        }
        return connection.preparedQuery(POST).execute(Tuple.tuple(List.<Object>of(ids, transactions, accounts, sides, fen, memos,
                at, clearing.area(), clearing.year()))).replaceWithVoid();
    }

    /** One {@code DipYearCleared} per institution, its id derived from area, year and institution. */
    private static List<OutboxEvent> published(DipClearing clearing, Instant at) {
        BigDecimal totalPoints = DipClearing.shown(clearing.totalPoints());
        return clearing.institutions().stream().map(line -> ContractOutboxEvents.of(Topics.DIP_CLEARINGS, new DipYearCleared(
                EventId.of(NameBasedUuids.of(("dip-cleared:" + clearing.area() + ":" + clearing.year() + ":" + line.institutionId())
                        .getBytes(StandardCharsets.UTF_8))),
                at, DivisionCode.of(clearing.area()), clearing.year(), InstitutionId.of(line.institutionId()), clearing.budget(),
                totalPoints, clearing.pointValue(), line.cases(), DipClearing.shown(line.points()), line.provisionalFundPayable(),
                line.clearedFundPayable(), line.adjustment()))).toList();
    }

    private static Uni<List<DipClearing.InstitutionLine>> lines(SqlConnection connection, Tuple scope, BigDecimal pointValue) {
        return connection.preparedQuery(REVALUE).execute(Tuple.of(scope.getValue(0), scope.getValue(1), Numeric.create(pointValue)))
                .chain(() -> connection.preparedQuery(LINES).execute(scope)).map(rows -> {
            List<DipClearing.InstitutionLine> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(new DipClearing.InstitutionLine(row.getString(0), row.getLong(1), row.getBigDecimal(2),
                        Money.ofFen(row.getLong(3)), Money.ofFen(row.getLong(4))));
            }
            return lines;
        });
    }
}

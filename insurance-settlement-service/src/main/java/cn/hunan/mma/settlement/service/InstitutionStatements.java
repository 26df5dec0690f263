package cn.hunan.mma.settlement.service;

import cn.hunan.mma.settlement.domain.ledger.DipClearingPostings;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import cn.hunan.mma.settlement.domain.ledger.SettlementPostings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the ledger holds for one institution, across the books it is posted in: its share of an alliance's
 * retained pool ({@code MEMBER:}), its tertiary collaboration share ({@code TERTIARY:}) and its DIP clearing
 * adjustments ({@code INSTITUTION:}) — the statement its finance office reconciles against what it was paid.
 */
@ApplicationScoped
public class InstitutionStatements {

    /** The accounts an institution holds, by the books that post to them. */
    public static final List<String> ACCOUNT_PREFIXES = List.of(SettlementPostings.MEMBER, SettlementPostings.TERTIARY,
            DipClearingPostings.INSTITUTION);

    // By the account index; a year is a close's period of that year (2025, 2025-H1, 2025-H2) or a clearing's year.
    // A close's line comes with the division its close was made for (all revisions of a period share the alliance's)
    // and the divisions its alliance covers: either decides who reads it.
    private static final String LINES = "SELECT " + LedgerRows.COLUMNS + ", "
            + "e.alliance_id, e.period, e.clearing_area, e.clearing_year, c.division_code, a.covered_divisions FROM ledger_entry e "
            + "LEFT JOIN LATERAL (SELECT pc.division_code FROM period_close pc WHERE pc.alliance_id = e.alliance_id "
            + "AND pc.period = e.period ORDER BY pc.revision DESC LIMIT 1) c ON TRUE "
            + "LEFT JOIN alliance a ON a.id = e.alliance_id WHERE e.account = ANY($1::text[]) "
            + "AND ($2::int IS NULL OR e.clearing_year = $2 OR left(e.period, 4) = $2::text) "
            + "ORDER BY e.posted_at, e.transaction_id, e.side DESC, e.account";

    private static final String DIVISION = "SELECT division_code FROM institution WHERE id = $1";

    // The alliances whose last stated make-up names the institution (a few hundred rows): who else may read it.
    private static final String ALLIANCES = "SELECT id FROM alliance WHERE $1 = ANY(string_to_array(member_ids, ','))";

    private final Pool pool;

    public InstitutionStatements(Pool pool) {
        this.pool = pool;
    }

    /**
     * A ledger line of the institution, with the book it belongs to: an alliance's close ({@code allianceId},
     * {@code period}, the division it was made for and those its alliance covers, which decide who reads it) or a DIP
     * clearing ({@code clearingArea}, {@code clearingYear}).
     */
    public record Line(LedgerEntry entry, Instant postedAt, String allianceId, String period, String clearingArea,
                       Integer clearingYear, String closeDivision, List<String> allianceDivisions) {
    }

    /** The institution's division as the matrix states it; empty when it never did, or before V12. */
    public Uni<Optional<String>> division(String institutionId) {
        return pool.preparedQuery(DIVISION).execute(Tuple.of(institutionId)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? Optional.ofNullable(found.next().getString(0)) : Optional.empty();
        });
    }

    public Uni<List<String>> alliances(String institutionId) {
        return pool.preparedQuery(ALLIANCES).execute(Tuple.of(institutionId)).map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString(0)));
            return ids;
        });
    }

    // As AllianceEntity stores them: comma-separated, empty for none (null when the line is no close's).
    private static List<String> divisions(String covered) {
        return covered == null || covered.isEmpty() ? List.of() : List.of(covered.split(","));
    }

    /** @param year null for every year */
    public Uni<List<Line>> lines(String institutionId, Integer year) {
        String[] accounts = ACCOUNT_PREFIXES.stream().map(prefix -> prefix + institutionId).toArray(String[]::new);
        return pool.preparedQuery(LINES).execute(Tuple.of(accounts, year)).map(rows -> {
            List<Line> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(new Line(LedgerRows.entry(row), LedgerRows.postedAt(row), row.getString(6), row.getString(7),
                        row.getString(8), row.getInteger(9), row.getString(10), divisions(row.getString(11))));
            }
            return lines;
        });
    }
}

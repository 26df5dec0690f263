package cn.hunan.mma.benchmark.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's own account of one database's statements over a measured window, from
 * {@code pg_stat_statements} (which {@code LocalPostgres} preloads), as the difference of two
 * readings: calls, executor time, rows,
 * WAL and buffer hits per statement. The benchmarks' process CPU split says how much the server
 * cost; this says which statements it went to. Executor time only: parsing, planning (prepared
 * statements are planned once per connection) and the protocol's round trips are not in it.
 */
public final class PostgresStatements {

    // Per statement of this database (queryid; toplevel only, as LocalPostgres tracks), without the
    // texts for the snapshot: they live in a file the view reads on every call that shows them.
    private static final String FIGURES = "select queryid, calls, total_exec_time, rows, wal_bytes, shared_blks_hit%s"
            + " from pg_stat_statements(%s) where dbid = (select oid from pg_database where datname = current_database())"
            + " and queryid is not null";

    /** The counters at one moment, by query id: what a later {@link #since} subtracts. */
    public record Snapshot(Map<Long, Figures> byQueryId) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;

    /** One statement's figures; {@code query} is PostgreSQL's normalised text ($1, $2 … for constants). */
    public record Figures(String query, long calls, double totalExecMillis, long rows, long walBytes, long sharedBlocksHit) {

        public double meanExecMillis() {
            return calls == 0 ? 0 : totalExecMillis / calls;
        }

        Figures plus(Figures other) {
            return new Figures(query, calls + other.calls, totalExecMillis + other.totalExecMillis, rows + other.rows,
                    walBytes + other.walBytes, sharedBlocksHit + other.sharedBlocksHit);
        }
    }

    public PostgresStatements(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Makes the view available in this database. Before the load, not as the window opens: creating
     * the extension changes the catalog, and every backend then rebuilds its caches and re-plans its
     * prepared statements — a burst that showed as the window's worst seconds.
     */
    public void install() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
    }

    /**
     * The counters now, to open a window. A read, not {@code pg_stat_statements_reset()}: a reset
     * empties the table under an exclusive lock, and every backend must then enter its statements
     * again as they run — work in the window it is meant to measure.
     */
    public Snapshot snapshot() throws SQLException {
        return new Snapshot(read(false));
    }

    /**
     * Every statement run since {@code before}, the most executor time first: each one's counters
     * now minus then (a statement new since then counts from zero). The benchmark's own reads of the
     * view are left out.
     */
    public List<Figures> since(Snapshot before) throws SQLException {
        List<Figures> changed = new ArrayList<>();
        read(true).forEach((queryId, now) -> {
            Figures then = before.byQueryId().get(queryId);
            Figures delta = then == null ? now : new Figures(now.query(), now.calls() - then.calls(),
                    now.totalExecMillis() - then.totalExecMillis(), now.rows() - then.rows(), now.walBytes() - then.walBytes(),
                    now.sharedBlocksHit() - then.sharedBlocksHit());
            if (delta.calls() > 0 && !delta.query().contains("pg_stat_statements")) {
                changed.add(delta);
            }
        });
        changed.sort(Comparator.comparingDouble(Figures::totalExecMillis).reversed());
        return changed;
    }

    /**
     * {@link #install}, for a benchmark whose statement table is optional: a failure is said (the
     * table will be left out), not thrown.
     */
    public void installOrSay() {
        try {
            install();
        } catch (SQLException e) {
            Benchmarks.say("pg_stat_statements is not available (%s); the statement table will be left out", e.getMessage());
        }
    }

    /** {@link #snapshot}, or empty (said) when the view cannot be read. */
    public Optional<Snapshot> snapshotOrSay() {
        try {
            return Optional.of(snapshot());
        } catch (SQLException e) {
            Benchmarks.say("pg_stat_statements could not be read (%s); the statement table will be left out", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@link #since} the snapshot, the most executor time first; none when there is no snapshot or the view is unreadable (said). */
    public List<Figures> sinceOrSay(Optional<Snapshot> before) {
        try {
            return before.isEmpty() ? List.of() : since(before.get());
        } catch (SQLException e) {
            Benchmarks.say("pg_stat_statements could not be read (%s)", e.getMessage());
            return List.of();
        }
    }

    private Map<Long, Figures> read(boolean withTexts) throws SQLException {
        Map<Long, Figures> byQueryId = new HashMap<>();
        String sql = String.format(FIGURES, withTexts ? ", query" : "", withTexts);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                // One row per role (and top-level flag) that ran the statement: summed per statement.
                byQueryId.merge(rows.getLong(1), new Figures(withTexts ? rows.getString(7) : "", rows.getLong(2),
                        rows.getDouble(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)), Figures::plus);
            }
        }
        return byQueryId;
    }

    /**
     * A table of {@code statements}: calls, mean and total executor time, its share of the listed
     * total, WAL bytes per call, and the statement's start.
     *
     * @param width characters of each statement's text to show
     */
    public static String table(List<Figures> statements, int width) {
        double total = statements.stream().mapToDouble(Figures::totalExecMillis).sum();
        StringBuilder out = new StringBuilder(String.format("  %9s %9s %9s %6s %9s  %s%n", "calls", "mean ms", "total s",
                "share", "WAL B/call", "statement"));
        for (Figures figures : statements) {
            String text = figures.query().replaceAll("\\s+", " ").strip();
            out.append(String.format("  %,9d %9.3f %9.1f %5.1f%% %9.0f  %s%n", figures.calls(), figures.meanExecMillis(),
                    figures.totalExecMillis() / 1000, total == 0 ? 0 : 100 * figures.totalExecMillis() / total,
                    figures.calls() == 0 ? 0.0 : (double) figures.walBytes() / figures.calls(),
                    text.length() <= width ? text : text.substring(0, width - 1) + "…"));
        }
        return out.toString();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}

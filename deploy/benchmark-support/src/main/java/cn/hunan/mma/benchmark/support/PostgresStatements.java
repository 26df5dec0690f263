package cn.hunan.mma.benchmark.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own account of one database's statements over a measured window, from
 * {@code pg_stat_statements} (which {@code LocalPostgres} preloads): calls, executor time, rows,
 * WAL and buffer hits per statement. The benchmarks' process CPU split says how much the server
 * cost; this says which statements it went to. Executor time only: parsing, planning (prepared
 * statements are planned once per connection) and the protocol's round trips are not in it.
 */
public final class PostgresStatements {

    private static final String TOP = "select query, calls, total_exec_time, rows, wal_bytes, shared_blks_hit"
            + " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
            + " and query not like '%pg_stat_statements%' order by total_exec_time desc limit ?";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    /** One statement's figures; {@code query} is PostgreSQL's normalised text ($1, $2 … for constants). */
    public record Figures(String query, long calls, double totalExecMillis, long rows, long walBytes, long sharedBlocksHit) {

        public double meanExecMillis() {
            return calls == 0 ? 0 : totalExecMillis / calls;
        }
    }

    public PostgresStatements(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Makes the view available in this database and starts the window: every count back to zero. */
    public void reset() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements with the most executor time since {@link #reset()}, most first. */
    public List<Figures> top(int limit) throws SQLException {
        List<Figures> top = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(TOP)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    top.add(new Figures(rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6)));
                }
            }
        }
        return top;
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

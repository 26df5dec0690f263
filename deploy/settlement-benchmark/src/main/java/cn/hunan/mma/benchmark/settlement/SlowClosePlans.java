package cn.hunan.mma.benchmark.settlement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The plans of the closes' slow statements, in PostgreSQL's log ({@code auto_explain}): a close that
 * takes three times its usual time now and then says nothing in the statement totals about whether a
 * plan changed (an {@code ANALYZE} of a table being filled, between two closes) or the same plan
 * waited. The library is preloaded for the sessions the service opens, logging nothing, and is told
 * to log before the closes start, so the drain runs as it always has.
 */
final class SlowClosePlans {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    SlowClosePlans(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Before the service starts: its sessions load auto_explain, which logs nothing yet. */
    void preload() throws SQLException {
        apply("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
                "ALTER SYSTEM SET auto_explain.log_min_duration = -1");
    }

    /** From now on, every statement slower than {@code threshold} has its plan logged, and every lock wait over a second. */
    void logSlowerThan(Duration threshold) throws SQLException {
        apply("ALTER SYSTEM SET auto_explain.log_min_duration = '" + threshold.toMillis() + "ms'",
                "ALTER SYSTEM SET log_lock_waits = on");
    }

    private void apply(String... settings) throws SQLException {
        // ALTER SYSTEM cannot run in a transaction: each statement on its own, then one reload.
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String setting : settings) {
                statement.execute(setting);
            }
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}

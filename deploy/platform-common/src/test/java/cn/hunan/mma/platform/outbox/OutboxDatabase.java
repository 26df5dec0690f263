package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.infra.LocalPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A service database in the tests: migrated by Flyway from the same {@code db/outbox} location
 * services use, plus a {@code referral} table standing for the service's own state.
 */
final class OutboxDatabase {

    private final LocalPostgres postgres;
    private final String name;

    private OutboxDatabase(LocalPostgres postgres, String name) {
        this.postgres = postgres;
        this.name = name;
    }

    static OutboxDatabase migrated(LocalPostgres postgres, String name) {
        OutboxDatabase database = empty(postgres, name);
        Flyway.configure()
                .dataSource(database.jdbcUrl(), postgres.username(), postgres.password())
                .locations("classpath:db/outbox-test", "classpath:db/outbox")
                .load()
                .migrate();
        return database;
    }

    static OutboxDatabase empty(LocalPostgres postgres, String name) {
        postgres.createDatabase(name);
        return new OutboxDatabase(postgres, name);
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), postgres.username(), postgres.password());
    }

    /** One transaction: each event's referral takes the event type as its status, and the events go to the outbox. */
    void commit(List<OutboxEvent> events) throws SQLException {
        inTransaction(events, true);
    }

    void rollBack(List<OutboxEvent> events) throws SQLException {
        inTransaction(events, false);
    }

    /** Changes service state without publishing anything: WAL the outbox slot does not decode. */
    void changeReferralWithoutEvent(String referralId, String status) throws SQLException {
        try (Connection connection = connect()) {
            upsertReferral(connection, referralId, status);
        }
    }

    long outboxRows() throws SQLException {
        return queryLong("SELECT count(*) FROM outbox");
    }

    /** The slot's confirmed position as a number; empty if the slot does not exist. */
    Optional<Long> confirmedFlushLsn(String slotName) throws SQLException {
        return slotColumn(slotName, "confirmed_flush_lsn - '0/0'::pg_lsn", result -> result.getLong(1));
    }

    boolean slotIsActive(String slotName) throws SQLException {
        return slotColumn(slotName, "active", result -> result.getBoolean(1)).orElse(false);
    }

    /** The process id of the walsender streaming from the slot; empty if none does (or the slot does not exist). */
    Optional<Integer> slotActivePid(String slotName) throws SQLException {
        return slotColumn(slotName, "active_pid", result -> (Integer) result.getObject(1));
    }

    /**
     * Lets no new connection into this database (or lets them in again), as an outage of the database would for a
     * client: the sessions already open go on. Run from the server's {@code postgres} database, the only way back in.
     */
    void refuseNewConnections(boolean refuse) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS " + !refuse);
        }
    }

    /** The slot's {@code wal_status} ({@code reserved}, …, {@code lost}); empty if the slot does not exist. */
    Optional<String> walStatus(String slotName) throws SQLException {
        return slotColumn(slotName, "wal_status", result -> result.getString(1));
    }

    /** One column of the slot's row in {@code pg_replication_slots}; empty if the slot does not exist. */
    private <T> Optional<T> slotColumn(String slotName, String column, Column<T> read) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + column + " FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slotName);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.ofNullable(read.from(result)) : Optional.empty();
            }
        }
    }

    @FunctionalInterface
    private interface Column<T> {
        T from(ResultSet result) throws SQLException;
    }

    /**
     * Makes PostgreSQL invalidate the slot as it does one that trails the WAL by more than
     * {@code max_slot_wal_keep_size}: the limit lowered (for the whole test server, so only for a moment), WAL
     * written into a new segment, and a checkpoint, which removes the old segments and marks the slot lost.
     */
    void loseSlot(String slotName) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            String limit;
            try (ResultSet setting = statement.executeQuery("SELECT current_setting('max_slot_wal_keep_size')")) {
                setting.next();
                limit = setting.getString(1);
            }
            statement.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
            statement.execute("SELECT pg_reload_conf()");
            try {
                for (int round = 0; round < 50 && !walStatus(slotName).orElseThrow().equals("lost"); round++) {
                    changeReferralWithoutEvent("R-wal", "round-" + round);
                    statement.execute("SELECT pg_switch_wal()");
                    statement.execute("CHECKPOINT");
                }
            } finally {
                // Back to what the server had (RESET would leave no limit at all).
                statement.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '" + limit + "'");
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }

    long currentWalLsn() throws SQLException {
        return queryLong("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
    }

    private void inTransaction(List<OutboxEvent> events, boolean commit) throws SQLException {
        try (Connection connection = connect()) {
            inTransaction(connection, events, commit);
        }
    }

    /** Commits on a connection the caller keeps open, as a service's connection pool would. */
    static void commit(Connection connection, List<OutboxEvent> events) throws SQLException {
        inTransaction(connection, events, true);
    }

    private static void inTransaction(Connection connection, List<OutboxEvent> events, boolean commit) throws SQLException {
        connection.setAutoCommit(false);
        for (OutboxEvent event : events) {
            upsertReferral(connection, event.key(), event.type());
            insertOutboxRow(connection, event);
        }
        if (commit) {
            connection.commit();
        } else {
            connection.rollback();
        }
    }

    private static void upsertReferral(Connection connection, String referralId, String status) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO referral (id, status) VALUES (?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()")) {
            upsert.setString(1, referralId);
            upsert.setString(2, status);
            upsert.executeUpdate();
        }
    }

    private static void insertOutboxRow(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox "
                + "(id, aggregatetype, aggregateid, type, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setString(5, event.payload());
            insert.setObject(6, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

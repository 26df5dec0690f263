package cn.hunan.mma.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Makes sure the publication and the logical replication slot exist before the relay returns from
 * {@code start()}. PostgreSQL decodes a slot's changes only from the moment the slot was created:
 * a row committed before that is never captured. Creating the slot here, synchronously, before the
 * service serves requests, closes that window; Debezium then streams from the slot's position.
 *
 * <p>A slot PostgreSQL has invalidated ({@code wal_status = 'lost'}: it trailed the WAL by more than
 * {@code max_slot_wal_keep_size}, and the WAL it needed is gone) can never stream again. It is
 * dropped and created anew; the rows its successor cannot see are still in the outbox table. Before
 * creating any slot, a row in {@code outbox_sweep_pending} records that they must be sent from there
 * ({@link OutboxSweep}); it is deleted only once they have been, so a relay stopped in between
 * sends them at its next start.
 */
final class ReplicationSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationSetup.class);
    private static final String DUPLICATE_OBJECT = "42710";
    /** PostgreSQL's {@code wal_status} of a slot whose WAL has been removed. */
    private static final String LOST = "lost";
    /** Created by the outbox migration beside the outbox table. */
    static final String SWEEP_TABLE = "outbox_sweep_pending";

    private final OutboxRelaySettings settings;

    ReplicationSetup(OutboxRelaySettings settings) {
        this.settings = settings;
    }

    /** What {@link #prepare} did with the slot. */
    enum Slot {
        /** It was there and usable: it streams from the position the relay confirmed last. */
        KEPT,
        /** None existed (the first start, or a slot dropped by hand): created. */
        CREATED,
        /** It was lost: dropped and created again. */
        REPLACED_LOST;

        /** Rows already in the outbox table were committed before this slot existed: it will never decode them. */
        boolean isNew() {
            return this != KEPT;
        }
    }

    Slot prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        requireLogicalWal(connection);
        requireOutboxTable(connection);
        ensurePublication(connection);
        return ensureSlot(connection);
    }

    /** Whether a replication connection is streaming from the slot right now. */
    boolean slotActive(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active", settings.slotName());
    }

    /** Whether rows committed before the slot was created may still be in the table, not yet sent. */
    boolean sweepPending(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM " + sweepTable() + " WHERE slot_name = ?", settings.slotName());
    }

    /** Called once the rows the slot cannot see have been sent and acknowledged. */
    void sweepDone(Connection connection) throws SQLException {
        execute(connection, "DELETE FROM " + sweepTable() + " WHERE slot_name = ?", settings.slotName());
    }

    /** Whether PostgreSQL has invalidated the slot: it will never stream again. */
    boolean slotLost(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND wal_status = ?",
                settings.slotName(), LOST);
    }

    private void requireLogicalWal(Connection connection) throws SQLException {
        String walLevel = queryText(connection, "SHOW wal_level");
        if (!"logical".equals(walLevel)) {
            throw new OutboxRelayException("PostgreSQL runs with wal_level=" + walLevel
                    + "; the outbox relay needs wal_level=logical");
        }
    }

    private void requireOutboxTable(Connection connection) throws SQLException {
        for (String table : List.of(settings.table(), settings.schemaName() + "." + SWEEP_TABLE)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)")) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next() || result.getString(1) == null) {
                        throw new OutboxRelayException("outbox table " + table + " does not exist: "
                                + "add db/outbox to the service's Flyway locations");
                    }
                }
            }
        }
    }

    private String sweepTable() {
        return settings.quotedTable(SWEEP_TABLE);
    }

    private void ensurePublication(Connection connection) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", settings.publicationName())) {
            createIgnoringRace(connection, "CREATE PUBLICATION " + quote(settings.publicationName())
                    + " FOR TABLE " + settings.quotedTable()
                    + " WITH (publish = 'insert')");
            LOG.info("Created publication {} for {}", settings.publicationName(), settings.table());
        }
        if (!exists(connection, "SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND schemaname = ? AND tablename = ?",
                settings.publicationName(), settings.schemaName(), settings.tableName())) {
            // Someone else's publication: altering it could start publishing to their subscribers.
            throw new OutboxRelayException("publication " + settings.publicationName() + " exists but does not publish "
                    + settings.table());
        }
    }

    /**
     * Checking, dropping a lost slot and creating one run under a session advisory lock on the slot's name: two
     * instances finding the slot lost at once must not drop the slot the other has just created.
     */
    private Slot ensureSlot(Connection connection) throws SQLException {
        String lockKey = "mma-outbox-slot:" + settings.slotName();
        execute(connection, "SELECT pg_advisory_lock(hashtext(?))", lockKey);
        try {
            return ensureSlotLocked(connection);
        } finally {
            execute(connection, "SELECT pg_advisory_unlock(hashtext(?))", lockKey);
        }
    }

    private Slot ensureSlotLocked(Connection connection) throws SQLException {
        boolean lost = false;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT plugin, database = current_database(), wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, settings.slotName());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    requireOwnSlot(result.getString(1), result.getBoolean(2));
                    if (!LOST.equals(result.getString(3))) {
                        return Slot.KEPT;
                    }
                    lost = true;
                }
            }
        }
        // Recorded first: from the moment the slot exists, the rows before it depend on the sweep.
        execute(connection, "INSERT INTO " + sweepTable() + " (slot_name) VALUES (?) ON CONFLICT DO NOTHING",
                settings.slotName());
        if (lost) {
            LOG.error("Replication slot {} is lost (PostgreSQL removed WAL it still needed: max_slot_wal_keep_size is "
                    + "smaller than the relay's lag); dropping it and creating it again", settings.slotName());
            execute(connection, "SELECT pg_drop_replication_slot(?)", settings.slotName());
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
            statement.setString(1, settings.slotName());
            statement.execute();
            LOG.info("Created logical replication slot {} (pgoutput)", settings.slotName());
            // A transaction begun after this (now() is this statement's start) commits after the slot's start.
            execute(connection, "UPDATE " + sweepTable() + " SET slot_created_at = now() WHERE slot_name = ?",
                    settings.slotName());
            return lost ? Slot.REPLACED_LOST : Slot.CREATED;
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
            // Another instance of this service created it a moment ago: same slot, same purpose.
            return Slot.KEPT;
        }
    }

    private void requireOwnSlot(String plugin, boolean inThisDatabase) {
        if (!"pgoutput".equals(plugin) || !inThisDatabase) {
            throw new OutboxRelayException("replication slot " + settings.slotName() + " exists for plugin " + plugin
                    + (inThisDatabase ? "" : " in another database") + "; choose a unique mma.outbox.slot-name");
        }
    }

    private static void createIgnoringRace(Connection connection, String ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void execute(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.execute();
        }
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Names are validated by {@link OutboxRelaySettings}; quoting keeps them exactly as written. */
    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}

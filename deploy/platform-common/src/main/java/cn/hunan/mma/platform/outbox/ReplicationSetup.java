package cn.hunan.mma.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes sure the publication and the logical replication slot exist before the relay returns from
 * {@code start()}. PostgreSQL decodes a slot's changes only from the moment the slot was created:
 * a row committed before that is never captured. Creating the slot here, synchronously, before the
 * service serves requests, closes that window; Debezium then streams from the slot's position.
 */
final class ReplicationSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationSetup.class);
    private static final String DUPLICATE_OBJECT = "42710";

    private final OutboxRelaySettings settings;

    ReplicationSetup(OutboxRelaySettings settings) {
        this.settings = settings;
    }

    void prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        requireLogicalWal(connection);
        requireOutboxTable(connection);
        ensurePublication(connection);
        ensureSlot(connection);
    }

    /** Whether a replication connection is streaming from the slot right now. */
    boolean slotActive(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active", settings.slotName());
    }

    private void requireLogicalWal(Connection connection) throws SQLException {
        String walLevel = queryText(connection, "SHOW wal_level");
        if (!"logical".equals(walLevel)) {
            throw new OutboxRelayException("PostgreSQL runs with wal_level=" + walLevel
                    + "; the outbox relay needs wal_level=logical");
        }
    }

    private void requireOutboxTable(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)")) {
            statement.setString(1, settings.table());
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getString(1) == null) {
                    throw new OutboxRelayException("outbox table " + settings.table() + " does not exist: "
                            + "add db/outbox to the service's Flyway locations");
                }
            }
        }
    }

    private void ensurePublication(Connection connection) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", settings.publicationName())) {
            createIgnoringRace(connection, "CREATE PUBLICATION " + quote(settings.publicationName())
                    + " FOR TABLE " + quote(settings.schemaName()) + "." + quote(settings.tableName())
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

    private void ensureSlot(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT plugin, database = current_database() FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, settings.slotName());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    requireOwnSlot(result.getString(1), result.getBoolean(2));
                    return;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
            statement.setString(1, settings.slotName());
            statement.execute();
            LOG.info("Created logical replication slot {} (pgoutput)", settings.slotName());
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
            // Another instance of this service created it a moment ago: same slot, same purpose.
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

package cn.hunan.mma.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Deletes outbox rows once Kafka has acknowledged their events, so the table only ever holds rows
 * in flight. Deleting is always safe: the relay reads inserts from the write-ahead log, not from the
 * table, so a row deleted early is still relayed. A failed delete is retried with the next batch;
 * it never holds up relaying. Used by the engine's single consumer thread only.
 */
final class OutboxCleaner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCleaner.class);

    private final DatabaseConnections connections;
    private final String deleteSql;
    private final Set<UUID> acknowledged = new LinkedHashSet<>();
    private Connection connection;

    OutboxCleaner(DatabaseConnections connections, OutboxRelaySettings settings) {
        this.connections = connections;
        this.deleteSql = "DELETE FROM \"" + settings.schemaName() + "\".\"" + settings.tableName() + "\" WHERE id = ANY (?)";
    }

    void deleteAcknowledged(Collection<String> eventIds) {
        eventIds.forEach(id -> acknowledged.add(UUID.fromString(id)));
        if (acknowledged.isEmpty()) {
            return;
        }
        try {
            if (connection == null) {
                connection = connections.open();
            }
            try (PreparedStatement delete = connection.prepareStatement(deleteSql)) {
                delete.setArray(1, connection.createArrayOf("uuid", acknowledged.toArray()));
                delete.executeUpdate();
            }
            acknowledged.clear();
        } catch (SQLException e) {
            LOG.warn("Could not delete {} relayed outbox rows; retrying with the next batch", acknowledged.size(), e);
            close();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Ignoring failure to close the outbox cleanup connection", e);
            }
            connection = null;
        }
    }
}

package cn.hunan.mma.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Deletes outbox rows once Kafka has acknowledged their events, so the table only ever holds rows
 * in flight. Deleting is always safe: the relay reads inserts from the write-ahead log, not from the
 * table, so a row deleted early is still relayed, and a row left behind is sent again only if the slot is ever
 * created anew ({@link OutboxSweep}: at least once).
 *
 * <p>The delete runs on its own thread: the engine thread hands over acknowledged ids and goes on
 * relaying while PostgreSQL deletes, and ids handed over while a delete runs are deleted together
 * by the next statement (one {@code DELETE ... WHERE id = ANY (?)} per round). A failed delete is
 * retried a little later with whatever has arrived meanwhile; it never holds up relaying.
 */
final class OutboxCleaner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCleaner.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseConnections connections;
    private final String deleteSql;
    private final Thread worker;
    /** Acknowledged ids not yet deleted; guarded by {@code this}. */
    private Set<UUID> pending = new LinkedHashSet<>();
    private boolean closing;
    private Connection connection;

    OutboxCleaner(DatabaseConnections connections, OutboxRelaySettings settings) {
        this.connections = connections;
        this.deleteSql = "DELETE FROM " + settings.quotedTable() + " WHERE id = ANY (?)";
        this.worker = new Thread(this::deleteUntilClosed, "mma-outbox-cleaner-" + settings.slotName());
        worker.setDaemon(true);
        worker.start();
    }

    /** Schedules the rows of acknowledged events for deletion; returns at once. */
    void deleteAcknowledged(Collection<String> rowIds) {
        if (rowIds.isEmpty()) {
            return;
        }
        synchronized (this) {
            rowIds.forEach(id -> pending.add(UUID.fromString(id)));
            notifyAll();
        }
    }

    /** Deletes what is pending (one last attempt), then stops the cleaner thread. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            worker.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("Outbox cleaner still deleting after {}; rows left behind are harmless", STOP_TIMEOUT);
            worker.interrupt();
        }
    }

    private void deleteUntilClosed() {
        boolean lastRound = false;
        while (!lastRound) {
            Set<UUID> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closing) {
                    if (!waitFor(Duration.ZERO)) {
                        return;
                    }
                }
                lastRound = closing;
                batch = pending;
                pending = new LinkedHashSet<>();
            }
            if (!batch.isEmpty() && !delete(batch) && !lastRound) {
                synchronized (this) {
                    batch.addAll(pending);
                    pending = batch;
                    waitFor(RETRY_DELAY);
                }
            }
        }
        closeConnection();
    }

    private boolean delete(Set<UUID> ids) {
        try {
            if (connection == null) {
                connection = connections.open();
            }
            try (PreparedStatement delete = connection.prepareStatement(deleteSql)) {
                delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                delete.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("Could not delete {} relayed outbox rows; retrying", ids.size(), e);
            closeConnection();
            return false;
        }
    }

    /** Waits on this cleaner's monitor (zero: until notified); false if the thread was interrupted. */
    private boolean waitFor(Duration timeout) {
        try {
            wait(timeout.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeConnection() {
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

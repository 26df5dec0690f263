package cn.hunan.mma.platform.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Relays a service's transactional outbox to Kafka: a Debezium embedded engine streams inserts into
 * the outbox table from PostgreSQL's write-ahead log ({@code pgoutput}), and every row becomes one
 * Kafka record on the topic named by the row, keyed by its aggregate id, with CloudEvents headers.
 * Delivery is at least once; consumers deduplicate by {@code ce_id}.
 *
 * <p>Plain Java: a Quarkus service gets one from {@link OutboxRelayLifecycle}, tests construct it.
 * {@link #start()} returns once the replication slot exists and the engine is streaming, so writes
 * made after it returns are never missed.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SLOT_CHECK_INTERVAL = Duration.ofMillis(50);
    private static final int PRODUCER_LINGER_MS = 5;
    private static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private final OutboxRelaySettings settings;
    private final RelayStatistics statistics = new RelayStatistics();
    private final DatabaseConnections connections;
    private final ReplicationSetup replication;
    private final OutboxSweep sweep;
    private boolean started;
    // Read by close() without the monitor: a slot being replaced holds it for as long as the sweep takes.
    private volatile boolean closed;
    private volatile OutboxPublisher sweeper;
    private Producer<String, String> producer;
    private OutboxCleaner cleaner;
    private OutboxPublisher publisher;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService engineThread;
    private CompletableFuture<Throwable> engineFailure;
    private volatile ScheduledExecutorService slotWatch;
    /** Whether the slot watch's last check failed to reach the database; only the watch thread uses it. */
    private boolean slotCheckFailing;

    public OutboxRelay(OutboxRelaySettings settings) {
        this.settings = settings;
        this.connections = new DatabaseConnections(settings);
        this.replication = new ReplicationSetup(settings);
        this.sweep = new OutboxSweep(settings);
    }

    /**
     * Creates the publication and replication slot if missing, sends what a newly created slot cannot see from the
     * table, then starts streaming. Blocks until the engine streams from the slot. A relay starts once; after
     * {@link #close()} or a failure, build a new one: it resumes from the last acknowledged batch.
     *
     * <p>While it runs, the relay checks its slot every heartbeat interval: a slot PostgreSQL has invalidated
     * (lost) is replaced and the relay goes on without a restart ({@link ReplicationSetup}, {@link OutboxSweep}).
     *
     * @throws OutboxRelayException if the database is not ready for logical replication or the
     *                              engine fails to start; the relay is closed again
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("outbox relay " + settings.slotName() + " was already started");
        }
        started = true;
        try {
            producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
            cleaner = new OutboxCleaner(connections, settings);
            stream();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        slotWatch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mma-outbox-slot-watch-" + settings.slotName());
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeatInterval().toMillis();
        slotWatch.scheduleWithFixedDelay(this::watchSlot, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Outbox relay streaming {} through slot {} to Kafka {}", settings.table(), settings.slotName(),
                settings.bootstrapServers());
    }

    public OutboxRelayMetrics metrics() {
        return statistics;
    }

    /** Stops streaming. A batch not yet acknowledged by Kafka is sent again by the next start. */
    @Override
    public void close() {
        closed = true;
        // Without the monitor: a slot being replaced holds it. Stopping the sweep's sends and interrupting the watch
        // end the replacement (whatever it has not sent stays in the table for the next start).
        OutboxPublisher sweeping = sweeper;
        if (sweeping != null) {
            sweeping.stop();
        }
        ScheduledExecutorService watch = slotWatch;
        if (watch != null) {
            watch.shutdownNow();
            awaitTermination(watch, "slot watch");
        }
        synchronized (this) {
            stopEngine();
            if (producer != null) {
                producer.close(STOP_TIMEOUT);
            }
            if (cleaner != null) {
                cleaner.close();
            }
            statistics.running(false);
        }
    }

    /**
     * Prepares the slot, sends the rows a slot created since cannot see (also those a relay stopped before sending
     * them left pending), and starts the engine; returns once it streams.
     */
    private void stream() {
        ReplicationSetup.Slot slot = withConnection(replication::prepare, "cannot prepare logical replication");
        long swept = withConnection(this::sweepIfPending, "cannot relay the rows left in the outbox table");
        if (swept > 0) {
            LOG.warn("Outbox relay {} sent {} events from the table that its new slot cannot decode ({})",
                    settings.slotName(), swept, slot);
        }
        startEngine();
        awaitStreaming();
        if (slot == ReplicationSetup.Slot.REPLACED_LOST) {
            statistics.lostSlotReplaced();
        }
    }

    /** @return the events sent from the table; none when no sweep is pending */
    private long sweepIfPending(Connection connection) throws SQLException, InterruptedException {
        if (!replication.sweepPending(connection)) {
            return 0;
        }
        OutboxPublisher sweeping = newPublisher();
        sweeper = sweeping;
        try {
            long events = sweep.relayTable(connection, sweeping);
            replication.sweepDone(connection);
            return events;
        } finally {
            sweeper = null;
        }
    }

    private void startEngine() {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        engineFailure = failure;
        publisher = newPublisher();
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(OutboxEngineProperties.of(settings))
                .using(OutboxRelay.class.getClassLoader())
                .using(new EngineStateListener())
                .using((success, message, error) -> engineStopped(failure, success, message, error))
                .notifying(publisher)
                .build();
        engineThread = Executors.newSingleThreadExecutor(task -> new Thread(task, "mma-outbox-relay-" + settings.slotName()));
        engineThread.execute(engine);
    }

    private void stopEngine() {
        if (publisher != null) {
            publisher.stop();
        }
        if (engine != null) {
            try {
                engine.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Outbox relay {} did not stop cleanly", settings.slotName(), e);
            }
        }
        if (engineThread != null) {
            engineThread.shutdown();
            awaitTermination(engineThread, "engine thread");
        }
        publisher = null;
        engine = null;
        engineThread = null;
    }

    private OutboxPublisher newPublisher() {
        return new OutboxPublisher(producer, settings.source(), cleaner, statistics, Clock.systemUTC());
    }

    /**
     * Debezium cannot stream from a lost slot and would retry for ever; the rows it can no longer decode wait in the
     * table. Replacing the slot here keeps the service relaying without an operator. A replacement that failed part
     * way (the engine stopped) is tried again at the next check.
     */
    private synchronized void watchSlot() {
        if (closed) {
            return;
        }
        if (engine != null) {
            if (!slotLost()) {
                return;
            }
            LOG.error("Outbox relay {}: PostgreSQL invalidated the replication slot while the relay used it "
                    + "(max_slot_wal_keep_size exceeded); replacing it", settings.slotName());
            stopEngine();
        }
        try {
            stream();
        } catch (RuntimeException e) {
            stopEngine();
            LOG.error("Outbox relay {} could not replace its lost slot; trying again in {}", settings.slotName(),
                    settings.heartbeatInterval(), e);
        }
    }

    /**
     * Whether PostgreSQL reports the slot lost. A check that cannot reach the database answers no: the engine streams
     * on its own connection and retries by itself, and stopping it for a moment's outage would only re-send what it
     * had not yet acknowledged. The failure is counted and logged once per run of failed checks.
     */
    private boolean slotLost() {
        try {
            boolean lost = withConnection(replication::slotLost, "cannot check the replication slot");
            if (slotCheckFailing) {
                slotCheckFailing = false;
                LOG.info("Outbox relay {} reaches its database again to check the replication slot", settings.slotName());
            }
            return lost;
        } catch (OutboxRelayException e) {
            if (closed) {
                return false;   // interrupted by close()
            }
            statistics.slotCheckFailed();
            if (!slotCheckFailing) {
                slotCheckFailing = true;
                LOG.warn("Outbox relay {} cannot check its replication slot (the engine streams on); checking again "
                        + "every {}: {}", settings.slotName(), settings.heartbeatInterval(), e.getMessage());
            }
            return false;
        }
    }

    private <T> T withConnection(SqlWork<T> work, String failure) {
        try (Connection connection = connections.open()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new OutboxRelayException(failure + " for " + settings.table() + " at " + settings.jdbcUrl()
                    + " (slot " + settings.slotName() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted: " + failure + " (slot " + settings.slotName() + ")", e);
        }
    }

    private Map<String, Object> producerProperties() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "mma-outbox-relay-" + settings.slotName(),
                ProducerConfig.ACKS_CONFIG, "all",
                // Idempotence keeps each partition in send order with up to 5 requests in flight.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                // A batch of thousands of records goes out in a few large requests instead of one
                // request per record; a single event waits at most LINGER_MS for company.
                ProducerConfig.LINGER_MS_CONFIG, PRODUCER_LINGER_MS,
                ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES,
                // No compression: lz4/snappy/zstd need codec jars on every broker and client (the
                // local broker started from Maven artifacts has none and fails such requests), and
                // gzip costs more CPU than it saves on a 2-vCPU host.
                // A broker outage blocks the relay until the broker is back instead of failing it;
                // only errors retrying cannot heal reach the publisher.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    }

    /**
     * Waits until the engine's replication connection streams from the slot. Debezium reports that it
     * polls a little before the connection is open; waiting for the slot makes "started" mean it.
     */
    private void awaitStreaming() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        CompletableFuture<Throwable> failure = engineFailure;
        withConnection(connection -> {
            while (!replication.slotActive(connection)) {
                if (failure.isDone()) {
                    Throwable cause = failure.join();
                    throw new OutboxRelayException("outbox relay " + settings.slotName() + " failed to start: "
                            + cause.getMessage(), cause);
                }
                if (System.nanoTime() > deadline) {
                    throw new OutboxRelayException("outbox relay " + settings.slotName()
                            + " did not start streaming within " + START_TIMEOUT);
                }
                pause();
            }
            return null;
        }, "cannot watch the replication slot");
    }

    private static void pause() {
        try {
            Thread.sleep(SLOT_CHECK_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted while starting the outbox relay", e);
        }
    }

    private void engineStopped(CompletableFuture<Throwable> failure, boolean success, String message, Throwable error) {
        statistics.running(false);
        if (!success) {
            failure.complete(error != null ? error : new OutboxRelayException(message));
            // Events stay in the WAL and the table; a restart resumes from the last acknowledged batch.
            LOG.error("Outbox relay {} stopped: {}", settings.slotName(), message, error);
        }
    }

    private void awaitTermination(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Outbox relay {} {} still running after {}", settings.slotName(), what, STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tracks whether the engine polls the connector. */
    private final class EngineStateListener implements DebeziumEngine.ConnectorCallback {

        @Override
        public void pollingStarted() {
            statistics.running(true);
        }

        @Override
        public void pollingStopped() {
            statistics.running(false);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException, InterruptedException;
    }
}

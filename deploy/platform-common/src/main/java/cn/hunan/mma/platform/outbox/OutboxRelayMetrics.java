package cn.hunan.mma.platform.outbox;

import java.time.Duration;
import java.util.Optional;

/** What a running relay reports; services bind these to Micrometer gauges and health checks. */
public interface OutboxRelayMetrics {

    /** Events acknowledged by Kafka since start. Events sent again after a crash count again. */
    long eventsRelayed();

    /**
     * Time from the PostgreSQL commit of the most recently relayed event to Kafka's acknowledgement
     * of it; empty until the first event. Compares the database's clock with this host's.
     */
    Optional<Duration> lastCommitToSendLag();

    /**
     * Replication slots PostgreSQL invalidated (their WAL removed: {@code max_slot_wal_keep_size} exceeded) that the
     * relay replaced, its events sent from the table. Not zero means the database's WAL limit is too small for the
     * relay's lag: raise it.
     */
    long lostSlotsReplaced();

    /**
     * Checks of the replication slot that could not reach the database (the relay's slot watch, every heartbeat
     * interval). The engine streams on through them; a rising count means the relay's own connections fail.
     */
    long slotChecksFailed();

    /** Whether the engine is streaming changes: false before start, after close, and after a failure. */
    boolean running();
}

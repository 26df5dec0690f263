package cn.hunan.mma.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Thread-safe counters behind {@link OutboxRelayMetrics}: written by the engine thread, read by anyone. */
final class RelayStatistics implements OutboxRelayMetrics {

    private final AtomicLong relayed = new AtomicLong();
    private final AtomicReference<Duration> lastLag = new AtomicReference<>();
    private final AtomicLong lostSlotsReplaced = new AtomicLong();
    private final AtomicLong slotChecksFailed = new AtomicLong();
    private volatile boolean running;

    void acknowledged(CapturedEvent event, Instant acknowledgedAt) {
        relayed.incrementAndGet();
        event.committedAt().ifPresent(committedAt -> lastLag.set(Duration.between(committedAt, acknowledgedAt)));
    }

    void lostSlotReplaced() {
        lostSlotsReplaced.incrementAndGet();
    }

    void slotCheckFailed() {
        slotChecksFailed.incrementAndGet();
    }

    void running(boolean running) {
        this.running = running;
    }

    @Override
    public long eventsRelayed() {
        return relayed.get();
    }

    @Override
    public Optional<Duration> lastCommitToSendLag() {
        return Optional.ofNullable(lastLag.get());
    }

    @Override
    public long lostSlotsReplaced() {
        return lostSlotsReplaced.get();
    }

    @Override
    public long slotChecksFailed() {
        return slotChecksFailed.get();
    }

    @Override
    public boolean running() {
        return running;
    }
}

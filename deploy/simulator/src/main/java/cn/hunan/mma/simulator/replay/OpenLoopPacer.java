package cn.hunan.mma.simulator.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Paces sends by the wall clock for open-loop load: record {@code i} is due at
 * {@code start + i / rate}, whatever happened to earlier records. The sender never waits for
 * acknowledgements, so a slow system under test cannot slow the offered load (no coordinated
 * omission); when the sender itself falls behind, it catches up at once and the lag is reported.
 */
final class OpenLoopPacer {

    /** Parking for less than this costs more than it is worth: send early instead. */
    private static final long MIN_PARK_NANOS = 50_000;

    private final double nanosPerRecord;
    private final long start;
    private final LongSupplier clock;
    private final LongConsumer park;
    private long maxLagNanos;

    /** @param perSecond records per second; 0 or less for full speed */
    OpenLoopPacer(double perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    /** With the clock and the way of waiting given, so tests need not wait. */
    OpenLoopPacer(double perSecond, LongSupplier clock, LongConsumer park) {
        this.nanosPerRecord = perSecond > 0 ? 1e9 / perSecond : 0;
        this.clock = clock;
        this.park = park;
        this.start = clock.getAsLong();
    }

    /** Waits until the record's slot comes; returns at once at full speed or when behind. */
    void awaitSlot(long record) {
        if (nanosPerRecord == 0) {
            return;
        }
        long due = start + (long) (record * nanosPerRecord);
        long now = clock.getAsLong();
        while (due - now > MIN_PARK_NANOS) {
            park.accept(due - now);
            now = clock.getAsLong();
        }
        maxLagNanos = Math.max(maxLagNanos, now - due);
    }

    /** How far behind its slot the worst record was sent, in milliseconds (0 at full speed). */
    double maxLagMillis() {
        return maxLagNanos / 1e6;
    }
}

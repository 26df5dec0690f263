package cn.hunan.mma.scoring.streams;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * How far every input has got: the latest {@code occurredAt} read from each of a task's input
 * partitions (one per input topic), and the minimum of those — the point in event time behind which
 * no input will bring anything but genuinely late records. The ledger closes months by this
 * watermark, not by the latest time it has seen itself: one task reads a partition of every input
 * topic, and in a replay, where those are consumed at different speeds, a clock taken from the
 * fastest of them would call the slower ones' on-time records late.
 *
 * <p>An input silent for longer than {@code idleAfter} (wall clock) is left out of the minimum until
 * it speaks again, so a quiet or finished input (conduct incidents are rare) does not hold every
 * month open for ever. The watermark never moves back.
 */
final class UpstreamWatermark {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final long idleAfterMillis;
    private long[] progress = new long[0];
    private long[] lastHeard = new long[0];
    private boolean[] idle = new boolean[0];
    private boolean[] unsaved = new boolean[0];
    private long value = Long.MIN_VALUE;

    UpstreamWatermark(Duration idleAfter) {
        this.idleAfterMillis = idleAfter.toMillis();
    }

    /** The watermark: Long.MIN_VALUE until some task has been heard from. */
    long value() {
        return value;
    }

    /**
     * A message from {@code source}, which had seen records up to {@code sourceProgress} when it sent it.
     *
     * @return whether the watermark moved
     */
    boolean heard(int source, long sourceProgress, long wallNow) {
        ensureRoom(source);
        lastHeard[source] = wallNow;
        boolean wasIdle = idle[source];
        idle[source] = false;
        if (sourceProgress > progress[source]) {
            progress[source] = sourceProgress;
            unsaved[source] = true;
        } else if (!wasIdle) {
            return false;
        }
        return recompute();
    }

    /**
     * Leaves out the tasks not heard from for longer than the idle time.
     *
     * @return whether the watermark moved
     */
    boolean leaveOutIdle(long wallNow) {
        boolean changed = false;
        for (int source = 0; source < progress.length; source++) {
            if (progress[source] != UNKNOWN && !idle[source] && wallNow - lastHeard[source] > idleAfterMillis) {
                idle[source] = true;
                changed = true;
            }
        }
        return changed && recompute();
    }

    /** A task's progress as persisted before a restart; it counts as just heard from. */
    void restore(int source, long sourceProgress, long wallNow) {
        ensureRoom(source);
        progress[source] = Math.max(progress[source], sourceProgress);
        lastHeard[source] = wallNow;
        recompute();
    }

    /** Hands over each task's progress changed since the last call, for the caller to persist. */
    void drainUnsaved(ObjLongConsumer<Integer> save) {
        for (int source = 0; source < unsaved.length; source++) {
            if (unsaved[source]) {
                save.accept(source, progress[source]);
                unsaved[source] = false;
            }
        }
    }

    private boolean recompute() {
        long minimum = Long.MAX_VALUE;
        for (int source = 0; source < progress.length; source++) {
            if (progress[source] != UNKNOWN && !idle[source]) {
                minimum = Math.min(minimum, progress[source]);
            }
        }
        if (minimum != Long.MAX_VALUE && minimum > value) {
            value = minimum;
            return true;
        }
        return false;
    }

    private void ensureRoom(int source) {
        if (source < 0) {
            throw new IllegalArgumentException("negative upstream task " + source);
        }
        if (source >= progress.length) {
            int size = source + 1;
            int from = progress.length;
            progress = Arrays.copyOf(progress, size);
            Arrays.fill(progress, from, size, UNKNOWN);
            lastHeard = Arrays.copyOf(lastHeard, size);
            idle = Arrays.copyOf(idle, size);
            unsaved = Arrays.copyOf(unsaved, size);
        }
    }
}

package cn.hunan.mma.benchmark.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * The worst latency in each second of a run, by the second a request was due. A p99 far above the
 * p50 is either a backlog (every second bad from some point on) or stalls (a few bad seconds in a
 * good run): which one, and when, is what this shows. Thread-safe.
 */
public final class WorstPerSecond {

    private final ConcurrentSkipListMap<Long, Long> worstMicros = new ConcurrentSkipListMap<>();

    /** @param dueNanos when the request was due (or sent), on {@link System#nanoTime()}'s scale */
    public void record(long dueNanos, long latencyMicros) {
        worstMicros.merge(TimeUnit.NANOSECONDS.toSeconds(dueNanos), latencyMicros, Math::max);
    }

    /** Seconds counted from the first one recorded, with their worst latency in whole milliseconds. */
    public Map<Long, Long> millisBySecond() {
        Map<Long, Long> bySecond = new LinkedHashMap<>();
        if (!worstMicros.isEmpty()) {
            long first = worstMicros.firstKey();
            worstMicros.forEach((second, worst) -> bySecond.put(second - first, worst / 1_000));
        }
        return bySecond;
    }

    /** {@code label: 0:12 1:9 2:240 …} (second: worst ms); empty when nothing was recorded. */
    public String line(String label) {
        Map<Long, Long> bySecond = millisBySecond();
        if (bySecond.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder(label).append(':');
        bySecond.forEach((second, worst) -> line.append(' ').append(second).append(':').append(worst));
        return line.toString();
    }
}

package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.LatencySummary;
import cn.hunan.mma.benchmark.support.WorstPerSecond;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Latencies of the measured calls per call type (and all together), and the failures by kind. */
final class CallRecorder {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Map<CallType, Histogram> latencies = new EnumMap<>(CallType.class);
    private final Histogram overall = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<CallType, LongAdder> calls = new EnumMap<>(CallType.class);
    private final LongAdder answered = new LongAdder();
    private final WorstPerSecond worstPerSecond = new WorstPerSecond();

    CallRecorder() {
        for (CallType type : CallType.values()) {
            latencies.put(type, new ConcurrentHistogram(MAX_MICROS, 3));
            calls.put(type, new LongAdder());
        }
    }

    /**
     * A call that got an answer; {@code measured} is false during the warm-up.
     *
     * @param startNanos when the call was due (create) or sent (accept, schedule), on {@link System#nanoTime()}'s scale
     */
    void answered(CallType type, boolean measured, long startNanos, long latencyNanos, int status) {
        if (!type.succeeded(status)) {
            failed(type, measured, "HTTP " + status);
        }
        if (measured) {
            calls.get(type).increment();
            answered.increment();
            long micros = Math.min(MAX_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
            latencies.get(type).recordValue(micros);
            overall.recordValue(micros);
            worstPerSecond.record(startNanos, micros);
        }
    }

    /** A call without an answer (timeout, connection refused), or an answer the flow could not use. */
    void failed(CallType type, boolean measured, String why) {
        if (measured) {
            failures.computeIfAbsent(type.label() + ": " + why, key -> new LongAdder()).increment();
        }
    }

    void unanswered(CallType type, boolean measured, String why) {
        if (measured) {
            calls.get(type).increment();
        }
        failed(type, measured, why);
    }

    LatencySummary summary(CallType type) {
        return LatencySummary.ofMicros(latencies.get(type));
    }

    LatencySummary overall() {
        return LatencySummary.ofMicros(overall);
    }

    /** The worst answered call of each second of the measured window: a backlog or stalls, and when. */
    WorstPerSecond worstPerSecond() {
        return worstPerSecond;
    }

    long calls(CallType type) {
        return calls.get(type).sum();
    }

    /** Measured calls that got an HTTP answer (the service did their work, successful or not). */
    long answered() {
        return answered.sum();
    }

    long calls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failures by call and kind, sorted. */
    Map<String, Long> failures() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }
}

package cn.hunan.mma.benchmark.support;

/**
 * The fixed send times of an open-loop load: warm-up request {@code i} is due at
 * {@code start + i / warmupRate}, measured request {@code j} at the warm-up's end {@code + j / rate},
 * whatever happened to earlier requests. Latency is measured from the due time, so a server (or a
 * sender) that stalls is charged for every request that should have gone out meanwhile — no
 * coordinated omission.
 *
 * <p>A warm-up slower than the measured rate lets the JIT finish without building a queue that the
 * measured window would still be draining: a cold JVM at full rate falls behind, and the backlog
 * then shows as the measured window's latency.
 *
 * @param startNanos        when request 0 is due, on {@link System#nanoTime()}'s scale
 * @param warmupPerSecond   warm-up requests per second
 * @param perSecond         measured requests per second
 * @param warmupRequests    requests before the measured window
 * @param totalRequests     warm-up plus measured requests
 */
public record OpenLoopSchedule(long startNanos, double warmupPerSecond, double perSecond, long warmupRequests,
                               long totalRequests) {

    public OpenLoopSchedule {
        if (perSecond <= 0 || warmupPerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (warmupRequests < 0 || totalRequests < warmupRequests) {
            throw new IllegalArgumentException("need 0 <= warm-up requests <= total requests");
        }
    }

    /** The same rate throughout. */
    public static OpenLoopSchedule of(long startNanos, double perSecond, double warmupSeconds, double measuredSeconds) {
        return of(startNanos, perSecond, warmupSeconds, perSecond, measuredSeconds);
    }

    public static OpenLoopSchedule of(long startNanos, double warmupPerSecond, double warmupSeconds, double perSecond,
                                      double measuredSeconds) {
        long warmup = Math.round(warmupPerSecond * warmupSeconds);
        return new OpenLoopSchedule(startNanos, warmupPerSecond, perSecond, warmup, warmup + Math.round(perSecond * measuredSeconds));
    }

    public long dueNanos(long request) {
        if (request < warmupRequests) {
            return startNanos + (long) (request * 1e9 / warmupPerSecond);
        }
        return measuredStartNanos() + (long) ((request - warmupRequests) * 1e9 / perSecond);
    }

    /** When the first measured request is due. */
    public long measuredStartNanos() {
        return startNanos + (long) (warmupRequests * 1e9 / warmupPerSecond);
    }

    public boolean measured(long request) {
        return request >= warmupRequests;
    }

    public long measuredRequests() {
        return totalRequests - warmupRequests;
    }

    /** The measured window's length: from the first measured request's due time to just after the last one's. */
    public double measuredSeconds() {
        return measuredRequests() / perSecond;
    }
}

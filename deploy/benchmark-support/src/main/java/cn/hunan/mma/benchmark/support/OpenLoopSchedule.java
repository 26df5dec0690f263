package cn.hunan.mma.benchmark.support;

/**
 * The fixed send times of an open-loop load: request {@code i} is due at {@code start + i / rate},
 * whatever happened to earlier requests. Latency is measured from the due time, so a server (or a
 * sender) that stalls is charged for every request that should have gone out meanwhile — no
 * coordinated omission.
 *
 * @param startNanos     when request 0 is due, on {@link System#nanoTime()}'s scale
 * @param perSecond      requests per second
 * @param warmupRequests requests before the measured window
 * @param totalRequests  warm-up plus measured requests
 */
public record OpenLoopSchedule(long startNanos, double perSecond, long warmupRequests, long totalRequests) {

    public OpenLoopSchedule {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (warmupRequests < 0 || totalRequests < warmupRequests) {
            throw new IllegalArgumentException("need 0 <= warm-up requests <= total requests");
        }
    }

    public static OpenLoopSchedule of(long startNanos, double perSecond, double warmupSeconds, double measuredSeconds) {
        long warmup = Math.round(perSecond * warmupSeconds);
        return new OpenLoopSchedule(startNanos, perSecond, warmup, warmup + Math.round(perSecond * measuredSeconds));
    }

    public long dueNanos(long request) {
        return startNanos + (long) (request * 1e9 / perSecond);
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

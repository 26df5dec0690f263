package cn.hunan.mma.benchmark.support;

/**
 * The fixed send times of an open-loop load: during the warm-up the rate rises linearly from
 * {@code warmupRate} to {@code rate}, then measured request {@code j} is due at the warm-up's end
 * {@code + j / rate} — whatever happened to earlier requests. Latency is measured from the due
 * time, so a server (or a sender) that stalls is charged for every request that should have gone
 * out meanwhile — no coordinated omission.
 *
 * <p>Why a ramp: a cold JVM at the full rate falls behind while its JIT compiles, and the backlog
 * then shows as the measured window's latency; a warm-up held at a lower rate and then stepped up
 * made the first seconds of the window pay for the step instead (the pools grow, the JIT meets the
 * new load). Rising gently to the measured rate, the service meets the window already at it.
 *
 * @param startNanos        when request 0 is due, on {@link System#nanoTime()}'s scale
 * @param warmupPerSecond   requests per second as the warm-up starts
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

    /** A warm-up of {@code warmupSeconds} rising from {@code warmupPerSecond} to {@code perSecond}, then the measured window. */
    public static OpenLoopSchedule of(long startNanos, double warmupPerSecond, double warmupSeconds, double perSecond,
                                      double measuredSeconds) {
        // The requests of a linear ramp: its mean rate times its length.
        long warmup = Math.round((warmupPerSecond + perSecond) / 2 * warmupSeconds);
        return new OpenLoopSchedule(startNanos, warmupPerSecond, perSecond, warmup, warmup + Math.round(perSecond * measuredSeconds));
    }

    public long dueNanos(long request) {
        if (request < warmupRequests) {
            return startNanos + (long) (rampSecondsTo(request) * 1e9);
        }
        return measuredStartNanos() + (long) ((request - warmupRequests) * 1e9 / perSecond);
    }

    /** When the first measured request is due: the warm-up's end. */
    public long measuredStartNanos() {
        return startNanos + (long) (rampSecondsTo(warmupRequests) * 1e9);
    }

    /** The warm-up's length: the requests of a ramp from one rate to the other, over their mean rate. */
    public double warmupSeconds() {
        return warmupRequests / ((warmupPerSecond + perSecond) / 2);
    }

    /**
     * Seconds into the ramp at which request {@code n} is due. The rate rises by {@code slope} per
     * second, so n(t) = w·t + slope·t²/2; solved for t, in the form that stays exact as the slope
     * goes to zero (a flat warm-up).
     */
    private double rampSecondsTo(long n) {
        if (n == 0) {
            return 0;
        }
        double w = warmupPerSecond;
        double slope = warmupRequests == 0 ? 0 : (perSecond - warmupPerSecond) / warmupSeconds();
        return 2.0 * n / (w + Math.sqrt(w * w + 2 * slope * n));
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

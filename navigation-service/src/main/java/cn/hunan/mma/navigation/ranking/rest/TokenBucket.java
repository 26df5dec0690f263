package cn.hunan.mma.navigation.ranking.rest;

/** A token bucket: refills continuously at a rate up to its size; each request takes one token. */
final class TokenBucket {

    private final double perSecond;
    private final double size;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(double perSecond, int size, long nowNanos) {
        this.perSecond = perSecond;
        this.size = size;
        this.tokens = size;
        this.refilledAtNanos = nowNanos;
    }

    /** Takes a token; when none is left, returns the whole seconds until one will be (at least 1). */
    synchronized long tryTake(long nowNanos) {
        tokens = Math.min(size, tokens + (nowNanos - refilledAtNanos) / 1e9 * perSecond);
        refilledAtNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    synchronized boolean isFull(long nowNanos) {
        return tokens + (nowNanos - refilledAtNanos) / 1e9 * perSecond >= size;
    }
}

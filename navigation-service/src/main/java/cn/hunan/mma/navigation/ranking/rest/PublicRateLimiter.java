package cn.hunan.mma.navigation.ranking.rest;

import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per client address for the public endpoint. Buckets that have refilled
 * completely hold no state worth keeping, so they are dropped when the map grows large: memory
 * stays bounded by the number of clients active within one refill period.
 */
@ApplicationScoped
public class PublicRateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final int burst;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public PublicRateLimiter(NavigationSettings settings) {
        this.perSecond = settings.publicRateLimit().perSecond();
        this.burst = settings.publicRateLimit().burst();
    }

    /** 0 when the request may go ahead, else the seconds to wait (for {@code Retry-After}). */
    public long retryAfterSeconds(String clientAddress) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(clientAddress, address -> new TokenBucket(perSecond, burst, now)).tryTake(now);
    }
}

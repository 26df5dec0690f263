package cn.hunan.mma.navigation.capacity;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live capacity view judges its figures.
 *
 * @param staleAfter                 a figure older than this is flagged stale: the hospital has not
 *                                   reported for a while, so the count may no longer be true
 * @param recentEventIdsPerDepartment how many event ids each department remembers for de-duplication.
 *                                   Duplicates come from producer retries and consumer redelivery
 *                                   after a rebalance, so they follow the original closely on the
 *                                   same partition; a busy department sends a few hundred capacity
 *                                   events a day, so 512 ids cover well over a day of its traffic
 *                                   while bounding memory to about 512 × 40 bytes per department
 */
public record CapacityViewPolicy(Duration staleAfter, int recentEventIdsPerDepartment) {

    public static final CapacityViewPolicy DEFAULTS = new CapacityViewPolicy(Duration.ofMinutes(5), 512);

    public CapacityViewPolicy {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
        if (recentEventIdsPerDepartment < 1) {
            throw new IllegalArgumentException("recentEventIdsPerDepartment must be at least 1");
        }
    }
}

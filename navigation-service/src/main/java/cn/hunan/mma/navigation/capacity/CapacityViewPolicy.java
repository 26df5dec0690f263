package cn.hunan.mma.navigation.capacity;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live capacity view judges its figures.
 *
 * @param staleAfter                 figures are flagged stale once their institution's capacity feed
 *                                   has been silent for longer than this ({@link FeedLiveness}): the
 *                                   hospital may have stopped reporting, so a count may no longer be
 *                                   true. Not the age of the figure itself: slots change only when
 *                                   someone books, and the contract has no heartbeat
 *                                   ({@code mma.navigation.capacity-stale-after})
 * @param recentEventIdsPerDepartment how many event ids each department remembers for de-duplication.
 *                                   Duplicates come from producer retries and consumer redelivery
 *                                   after a rebalance, so they follow the original closely on the
 *                                   same partition; a busy department sends a few hundred capacity
 *                                   events a day, so 512 ids cover well over a day of its traffic
 *                                   while bounding memory to about 512 × 40 bytes per department (each
 *                                   id is kept with the slot change it applied, for corrections)
 */
public record CapacityViewPolicy(Duration staleAfter, int recentEventIdsPerDepartment) {

    /** An hour of silence: a county hospital's departments book all day long, so silence that long is an outage. */
    public static final CapacityViewPolicy DEFAULTS = new CapacityViewPolicy(Duration.ofHours(1), 512);

    public CapacityViewPolicy withStaleAfter(Duration staleAfter) {
        return new CapacityViewPolicy(staleAfter, recentEventIdsPerDepartment);
    }

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

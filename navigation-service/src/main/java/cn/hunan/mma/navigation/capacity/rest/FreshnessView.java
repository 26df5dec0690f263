package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.navigation.capacity.Freshness;

import java.time.Instant;

/** How old a figure is: when the latest fact behind it happened, its age, and whether to trust it. */
public record FreshnessView(Instant updatedAt, long ageSeconds, boolean stale) {

    static FreshnessView of(Freshness freshness) {
        return new FreshnessView(freshness.updatedAt(), freshness.age().toSeconds(), freshness.stale());
    }
}

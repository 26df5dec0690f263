package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.navigation.capacity.BedAvailability;

/** A department's beds as last reported. */
public record BedsView(int total, int occupied, int reserved, int freeForPublic, FreshnessView freshness) {

    static BedsView of(BedAvailability beds) {
        return new BedsView(beds.total(), beds.occupied(), beds.reserved(), beds.freeForPublic(),
                FreshnessView.of(beds.freshness()));
    }
}

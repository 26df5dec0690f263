package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.navigation.capacity.BedAvailability;

/**
 * A department's beds as last reported, with the referral pool: {@code referralReserved},
 * {@code referralHeld} and {@code openForReferral} are null until referral-service has stated it.
 */
public record BedsView(int total, int occupied, int reserved, int freeForPublic, Integer referralReserved,
                       Integer referralHeld, Integer openForReferral, FreshnessView freshness) {

    static BedsView of(BedAvailability beds) {
        var pool = beds.referral();
        return new BedsView(beds.total(), beds.occupied(), beds.reserved(), beds.freeForPublic(),
                pool.map(BedAvailability.ReferralPool::reserved).orElse(null),
                pool.map(BedAvailability.ReferralPool::held).orElse(null),
                pool.map(BedAvailability.ReferralPool::open).orElse(null), FreshnessView.of(beds.freshness()));
    }
}

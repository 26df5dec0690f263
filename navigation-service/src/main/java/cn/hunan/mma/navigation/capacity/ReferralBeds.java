package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.ReservedBedsReported;

/**
 * A department's referral bed pool as referral-service last stated it: the beds set aside for
 * referred patients (which may be more than the hospital reported: a city's share) and how many
 * scheduled referrals hold. A state, replaced by the next one on the topic.
 */
record ReferralBeds(int reserved, int held) {

    static ReferralBeds of(ReservedBedsReported pool) {
        return new ReferralBeds(pool.reserved(), pool.held());
    }
}

package cn.hunan.mma.navigation.capacity;

import java.util.Optional;

/**
 * A department's beds as last reported by the hospital, with the referral pool as referral-service
 * last stated it.
 *
 * @param occupied may exceed {@code total} (extra beds, 加床)
 * @param reserved beds the hospital reported as held for referred patients
 * @param referral the referral pool (empty until referral-service has stated it): its reserve may be
 *                 larger than the hospital's figure (a city's share), and scheduled referrals hold
 *                 some of it
 */
public record BedAvailability(
        DepartmentKey department,
        int total,
        int occupied,
        int reserved,
        Optional<ReferralPool> referral,
        Freshness freshness) {

    /**
     * Beds set aside for referrals, and how many scheduled referrals hold, as referral-service last
     * stated them ({@code ReservedBedsReported}): a state, replaced by the next one on the topic.
     */
    public record ReferralPool(int reserved, int held) {

        /** Reserved beds no scheduled referral holds. */
        public int open() {
            return Math.max(0, reserved - held);
        }
    }

    /**
     * Beds free for anyone outside the referral reserve: the larger of the hospital's reserve and the
     * pool's — or of what scheduled referrals hold, when a hospital has lowered its reserve below that
     * (those beds are still promised).
     */
    public int freeForPublic() {
        int reserve = Math.max(reserved, referral.map(pool -> Math.max(pool.reserved(), pool.held())).orElse(0));
        return Math.max(0, total - occupied - reserve);
    }
}

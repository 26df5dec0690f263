package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;

import java.time.Instant;

/**
 * A department's beds as last reported: a state, so a newer report replaces an older one. With
 * the referral pool as referral-service last stated it, when it has ({@code null} until then).
 */
record BedCounts(int total, int occupied, int reserved, Instant updatedAt, BedAvailability.ReferralPool referral) {

    static BedCounts of(BedStatusReported report) {
        return new BedCounts(report.total(), report.occupied(), report.reserved(), report.occurredAt(), null);
    }

    BedCounts withReferral(BedAvailability.ReferralPool pool) {
        return new BedCounts(total, occupied, reserved, updatedAt, pool);
    }
}

package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;

import java.time.Instant;

/** A department's beds as last reported: a state, so a newer report replaces an older one. */
record BedCounts(int total, int occupied, int reserved, Instant updatedAt) {

    static BedCounts of(BedStatusReported report) {
        return new BedCounts(report.total(), report.occupied(), report.reserved(), report.occurredAt());
    }
}

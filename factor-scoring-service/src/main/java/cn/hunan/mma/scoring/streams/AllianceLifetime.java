package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.Period;

import java.time.Instant;
import java.util.Optional;

/**
 * An alliance as the rankings, score lookups and surplus projection see it: the make-up it has while live, or —
 * once dissolved — the make-up the matrix last stated for it while live ({@link AllianceMakeupKeeper}) and when it was dissolved.
 *
 * <p>Why not the stated record alone: a dissolution ({@link AllianceDissolution}) restates the alliance as its lead
 * alone covering no division, so the covered divisions that choose and scope it would be gone while its totals of
 * the periods it lived through are still in the stores.
 *
 * @param makeup      the make-up to choose, scope and pay it by
 * @param dissolvedAt the dissolution's {@code occurredAt}; {@code null} while live
 */
public record AllianceLifetime(AllianceSnapshot makeup, Instant dissolvedAt) {

    /**
     * @param stated the alliance as the matrix topic states it now ({@code null}: unknown, or erased)
     * @param kept   the make-up last stated while live, kept since it first counted ({@code null}: it never counted here)
     * @return empty for an unknown alliance, and for a dissolved one without a kept make-up — one first heard of as
     * dissolved (a compacted matrix topic whose only record left is the dissolution, read by a scorer that never
     * counted it live): it has no totals here either
     */
    public static Optional<AllianceLifetime> of(AllianceSnapshot stated, AllianceSnapshot kept) {
        if (stated == null) {
            return Optional.empty();
        }
        if (AllianceDissolution.isLive(stated)) {
            return Optional.of(new AllianceLifetime(stated, null));
        }
        return Optional.ofNullable(kept).map(makeup -> new AllianceLifetime(makeup, stated.occurredAt()));
    }

    /** Whether the alliance was live during some of the period: it began before the dissolution (periods are half-open). */
    public boolean liveDuring(Period period) {
        return dissolvedAt == null || period.start().isBefore(dissolvedAt);
    }
}

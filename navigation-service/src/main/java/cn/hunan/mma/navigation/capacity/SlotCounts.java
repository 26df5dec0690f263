package cn.hunan.mma.navigation.capacity;

import java.time.Instant;

/**
 * One channel's slots in one session, as net counters: published (less cancelled) and booked
 * (less released). Counters may go below zero for a moment when a release overtakes its booking;
 * because every change is a delta, the figures converge whatever order the events arrive in.
 *
 * @param updatedAt the latest {@code occurredAt} among the events applied, or null if none
 */
record SlotCounts(int published, int booked, Instant updatedAt) {

    static final SlotCounts NONE = new SlotCounts(0, 0, null);

    SlotCounts publish(int count, Instant at) {
        return new SlotCounts(published + count, booked, later(updatedAt, at));
    }

    SlotCounts book(int count, Instant at) {
        return new SlotCounts(published, booked + count, later(updatedAt, at));
    }

    SlotCounts release(int count, Instant at) {
        return new SlotCounts(published, booked - count, later(updatedAt, at));
    }

    SlotCounts cancel(int count, Instant at) {
        return new SlotCounts(published - count, booked, later(updatedAt, at));
    }

    SlotCounts plus(SlotCounts other) {
        return new SlotCounts(published + other.published, booked + other.booked, later(updatedAt, other.updatedAt));
    }

    /** The later of two update times, either of which may be null (nothing applied yet). */
    static Instant later(Instant one, Instant other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }
}

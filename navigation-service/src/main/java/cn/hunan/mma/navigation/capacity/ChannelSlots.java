package cn.hunan.mma.navigation.capacity;

import java.time.Instant;

/**
 * One channel's slots in one session, as net counters: published (less cancelled, plus or minus the unused slots
 * opened from one channel to the other) and booked (less given back). Counters may go below zero for a moment when a
 * release overtakes its booking, or an opening its publication; because every change is a delta, the figures converge
 * whatever order the events arrive in.
 *
 * <p>Changed in place under its ledger's lock, all in primitives (see {@link LiveSession} for
 * why), and read only there: what leaves the ledger is a {@link SlotAvailability} and a
 * {@link Freshness}.
 */
final class ChannelSlots {

    private int published;
    private int booked;
    // The latest occurredAt among the events applied, as epoch second and nano; none yet if !updated.
    private boolean updated;
    private long updatedSecond;
    private int updatedNano;

    int published() {
        return published;
    }

    int booked() {
        return booked;
    }

    boolean updated() {
        return updated;
    }

    long updatedSecond() {
        return updatedSecond;
    }

    int updatedNano() {
        return updatedNano;
    }

    /** The latest {@code occurredAt} applied, or null if none. */
    Instant updatedAt() {
        return updated ? Instant.ofEpochSecond(updatedSecond, updatedNano) : null;
    }

    /** A slot event's deltas for this channel ({@link SlotChange}), at the event's time. */
    void change(int publishedDelta, int bookedDelta, Instant at) {
        published += publishedDelta;
        booked += bookedDelta;
        touch(at.getEpochSecond(), at.getNano());
    }

    /** Adds another channel's figures to these: how a range of sessions is summed. */
    void add(ChannelSlots other) {
        published += other.published;
        booked += other.booked;
        if (other.updated) {
            touch(other.updatedSecond, other.updatedNano);
        }
    }

    void clear() {
        published = 0;
        booked = 0;
        updated = false;
        updatedSecond = 0;
        updatedNano = 0;
    }

    SlotAvailability availability() {
        return new SlotAvailability(published, booked);
    }

    /** Keeps the later of the time held and this one. */
    private void touch(long second, int nano) {
        if (!updated || isAfter(second, nano, updatedSecond, updatedNano)) {
            updated = true;
            updatedSecond = second;
            updatedNano = nano;
        }
    }

    /** Whether (second, nano) is later than the other pair: {@link Instant#isAfter} without the Instants. */
    static boolean isAfter(long second, int nano, long otherSecond, int otherNano) {
        return second > otherSecond || second == otherSecond && nano > otherNano;
    }
}

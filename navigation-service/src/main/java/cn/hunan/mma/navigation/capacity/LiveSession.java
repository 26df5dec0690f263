package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SlotChannel;

import java.time.Instant;

/**
 * A session's public and reserved-for-referral slots, kept apart because different callers may
 * use them; also the holder a department's range of sessions is summed into.
 *
 * <p>Mutable, and changed in place under the ledger's lock, on purpose: the view lives in the old
 * generation, and replacing a session's figures with new records on each of 1,000 capacity events
 * a second wrote a reference into an old object every time (and promoted the records that
 * outlived a young collection). Every such write dirties a card that the next young collection
 * scans, and those pauses were the recommendations' tail latency. Counts and times kept as
 * primitives and changed in place mark nothing.
 */
final class LiveSession {

    private final ChannelSlots publicSlots = new ChannelSlots();
    private final ChannelSlots referralSlots = new ChannelSlots();

    ChannelSlots publicSlots() {
        return publicSlots;
    }

    ChannelSlots referralSlots() {
        return referralSlots;
    }

    ChannelSlots channel(SlotChannel channel) {
        return channel == SlotChannel.PUBLIC ? publicSlots : referralSlots;
    }

    /** The later of the two channels' update times; null if nothing was applied. */
    Instant updatedAt() {
        ChannelSlots latest = latest();
        return latest == null ? null : latest.updatedAt();
    }

    /** The channel updated last (either if equal), or null if neither was: its time is the session's. */
    ChannelSlots latest() {
        if (!publicSlots.updated()) {
            return referralSlots.updated() ? referralSlots : null;
        }
        if (!referralSlots.updated()) {
            return publicSlots;
        }
        return ChannelSlots.isAfter(referralSlots.updatedSecond(), referralSlots.updatedNano(),
                publicSlots.updatedSecond(), publicSlots.updatedNano()) ? referralSlots : publicSlots;
    }

    /** Applies a slot event's change, or (reversed) takes it out again; {@code at} is the event's time. */
    void apply(SlotChange change, Instant at) {
        if (change.touchesPublic()) {
            publicSlots.change(change.publicPublished(), change.publicBooked(), at);
        }
        if (change.touchesReferral()) {
            referralSlots.change(change.referralPublished(), change.referralBooked(), at);
        }
    }

    void add(LiveSession other) {
        publicSlots.add(other.publicSlots);
        referralSlots.add(other.referralSlots);
    }

    void clear() {
        publicSlots.clear();
        referralSlots.clear();
    }
}

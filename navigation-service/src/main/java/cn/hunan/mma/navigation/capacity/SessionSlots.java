package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SlotChannel;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** A session's public and reserved-for-referral slots, kept apart because different callers may use them. */
record SessionSlots(SlotCounts publicSlots, SlotCounts referralSlots) {

    static final SessionSlots NONE = new SessionSlots(SlotCounts.NONE, SlotCounts.NONE);

    SessionSlots change(SlotChannel channel, UnaryOperator<SlotCounts> change) {
        return channel == SlotChannel.PUBLIC
                ? new SessionSlots(change.apply(publicSlots), referralSlots)
                : new SessionSlots(publicSlots, change.apply(referralSlots));
    }

    SessionSlots plus(SessionSlots other) {
        return new SessionSlots(publicSlots.plus(other.publicSlots), referralSlots.plus(other.referralSlots));
    }

    Instant updatedAt() {
        return SlotCounts.later(publicSlots.updatedAt(), referralSlots.updatedAt());
    }
}

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;

/**
 * Reserved appointment slots: how many the institution held back for referrals and how many of
 * them stay booked by referrals — a referral booking given back (a REFERRAL release without {@code openedFrom}: the
 * referral rejected, cancelled or missed) is taken off again. Unused slots opened to another channel
 * ({@code openedFrom} set), cancellations and bed reports feed no figure here.
 */
final class CapacityTally {

    private final Counters counters;
    private final Months months;

    CapacityTally(Counters counters, Months months) {
        this.counters = counters;
        this.months = months;
    }

    void add(CapacityEvent event, Institution at, int sign) {
        int month = months.of(event.occurredAt());
        if (event instanceof SlotsPublished published) {
            counters.add(at.treatingScopes(), month, Slots.of(Measure.RESERVED_SLOTS_PUBLISHED),
                    (long) sign * published.reservedForReferralCount());
        } else if (event instanceof SlotsBooked booked && booked.channel() == SlotChannel.REFERRAL) {
            counters.add(at.treatingScopes(), month, Slots.of(Measure.RESERVED_SLOTS_BOOKED), (long) sign * booked.count());
        } else if (event instanceof SlotsReleased released && released.channel() == SlotChannel.REFERRAL && !released.opensSlots()) {
            counters.add(at.treatingScopes(), month, Slots.of(Measure.RESERVED_SLOTS_BOOKED), -(long) sign * released.count());
        }
    }
}

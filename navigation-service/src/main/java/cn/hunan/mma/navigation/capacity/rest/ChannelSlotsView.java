package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.navigation.capacity.SlotAvailability;

/** One channel's slots (public, or reserved for referrals) over the range asked for. */
public record ChannelSlotsView(int published, int booked, int available) {

    static ChannelSlotsView of(SlotAvailability slots) {
        return new ChannelSlotsView(slots.published(), slots.booked(), slots.available());
    }
}

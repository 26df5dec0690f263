package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.navigation.capacity.DepartmentAvailability;

/** A department's slots over a date range, public and referral apart. */
public record SlotsView(ChannelSlotsView publicSlots, ChannelSlotsView referralSlots, FreshnessView freshness) {

    static SlotsView of(DepartmentAvailability availability) {
        return new SlotsView(ChannelSlotsView.of(availability.publicSlots()),
                ChannelSlotsView.of(availability.referralSlots()), FreshnessView.of(availability.freshness()));
    }
}

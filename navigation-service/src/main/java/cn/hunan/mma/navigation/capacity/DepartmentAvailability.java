package cn.hunan.mma.navigation.capacity;

import java.time.LocalDate;

/**
 * A department's slots summed over the sessions of a date range, public and referral apart.
 * The freshness is that of the most recently updated session in the range.
 */
public record DepartmentAvailability(
        DepartmentKey department,
        LocalDate from,
        LocalDate to,
        SlotAvailability publicSlots,
        SlotAvailability referralSlots,
        Freshness freshness) {

    /** The load over both channels: booked ÷ published. */
    public double loadRatio() {
        return new SlotAvailability(publicSlots.published() + referralSlots.published(),
                publicSlots.booked() + referralSlots.booked()).loadRatio();
    }
}

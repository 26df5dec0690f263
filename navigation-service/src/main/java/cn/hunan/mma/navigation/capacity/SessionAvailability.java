package cn.hunan.mma.navigation.capacity;

/** One session's slots, public and reserved for referrals apart, with the age of the figures. */
public record SessionAvailability(
        SessionKey session,
        SlotAvailability publicSlots,
        SlotAvailability referralSlots,
        Freshness freshness) {
}

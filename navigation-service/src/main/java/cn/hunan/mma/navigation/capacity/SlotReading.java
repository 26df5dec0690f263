package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SlotChannel;

import java.time.Instant;

/**
 * A department's slots over a date range, read into a holder the caller reuses: what
 * {@link DepartmentAvailability} says, as plain numbers. The recommender reads the figures of every
 * department near the patient on every request; building the records, {@code Optional}s and
 * durations for each was a large share of what a recommendation allocated.
 */
public final class SlotReading {

    private int publicPublished;
    private int publicBooked;
    private int referralPublished;
    private int referralBooked;
    private boolean stale;
    private long ageMinutes;

    /** Open slots in one channel, as {@link SlotAvailability#available()}. */
    public int available(SlotChannel channel) {
        return channel == SlotChannel.PUBLIC
                ? SlotAvailability.available(publicPublished, publicBooked)
                : SlotAvailability.available(referralPublished, referralBooked);
    }

    /** The load over both channels, as {@link DepartmentAvailability#loadRatio()}. */
    public double loadRatio() {
        return SlotAvailability.loadRatio(publicPublished + referralPublished, publicBooked + referralBooked);
    }

    /** The institution's feed silent past the view's threshold: show, but do not promise. */
    public boolean stale() {
        return stale;
    }

    /** Whole minutes since the latest update, as {@code freshness().age().toMinutes()}. */
    public long ageMinutes() {
        return ageMinutes;
    }

    /** Takes the figures of an availability already built (readings that only answer records). */
    public void set(DepartmentAvailability figures) {
        publicPublished = figures.publicSlots().published();
        publicBooked = figures.publicSlots().booked();
        referralPublished = figures.referralSlots().published();
        referralBooked = figures.referralSlots().booked();
        stale = figures.freshness().stale();
        ageMinutes = figures.freshness().age().toMinutes();
    }

    /**
     * Takes a department's summed sessions, under its ledger's lock; staleness judged at {@code now}
     * by its institution's feed, last heard at {@code feedHeard} (epoch ms, {@link FeedLiveness}).
     */
    void set(LiveSession slots, long feedHeard, Instant now, CapacityViewPolicy policy) {
        publicPublished = slots.publicSlots().published();
        publicBooked = slots.publicSlots().booked();
        referralPublished = slots.referralSlots().published();
        referralBooked = slots.referralSlots().booked();
        ChannelSlots latest = slots.latest();
        // A sum always has an update behind it; were it ever empty, it would be as stale as can be.
        stale = latest == null || Freshness.isSilent(feedHeard, now, policy.staleAfter());
        ageMinutes = latest == null ? 0 : Freshness.ageMinutes(latest.updatedSecond(), latest.updatedNano(), now);
    }
}

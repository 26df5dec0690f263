package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;

import java.time.LocalDate;

/**
 * What one slot event does to its session's counters, as deltas: applied when the event comes,
 * and applied negated when a correction replaces the event. Published adds to a channel, booked
 * takes from it, released gives back, cancelled withdraws, and an opening moves unused slots from
 * one channel to the other.
 *
 * @param touchesPublic   the event concerns the public channel (its time becomes the channel's),
 *                        even when it changes no count (a publication of zero)
 * @param touchesReferral the same for the channel reserved for referrals
 */
record SlotChange(LocalDate date, SessionPeriod period,
                  int publicPublished, int publicBooked, int referralPublished, int referralBooked,
                  boolean touchesPublic, boolean touchesReferral) {

    /** The event's change; null for an event that is not about slots (beds, the referral pool). */
    static SlotChange of(CapacityEvent event) {
        if (event instanceof SlotsPublished published) {
            return new SlotChange(published.session(), published.publicCount(), 0,
                    published.reservedForReferralCount(), 0, true, true);
        }
        if (event instanceof SlotsBooked booked) {
            return inChannel(booked.session(), booked.channel(), 0, booked.count());
        }
        if (event instanceof SlotsReleased released && released.opensSlots()) {
            int toPublic = released.channel() == SlotChannel.PUBLIC ? released.count() : 0;
            int toReferral = released.channel() == SlotChannel.REFERRAL ? released.count() : 0;
            int fromPublic = released.openedFrom() == SlotChannel.PUBLIC ? released.count() : 0;
            int fromReferral = released.openedFrom() == SlotChannel.REFERRAL ? released.count() : 0;
            return new SlotChange(released.session(), toPublic - fromPublic, 0, toReferral - fromReferral, 0,
                    true, true);
        }
        if (event instanceof SlotsReleased released) {
            return inChannel(released.session(), released.channel(), 0, -released.count());
        }
        if (event instanceof SlotsCancelled cancelled) {
            return inChannel(cancelled.session(), cancelled.channel(), -cancelled.count(), 0);
        }
        return null;
    }

    private SlotChange(ClinicSession session, int publicPublished, int publicBooked, int referralPublished,
                       int referralBooked, boolean touchesPublic, boolean touchesReferral) {
        this(session.date(), session.period(), publicPublished, publicBooked, referralPublished, referralBooked,
                touchesPublic, touchesReferral);
    }

    private static SlotChange inChannel(ClinicSession session, SlotChannel channel, int published, int booked) {
        boolean isPublic = channel == SlotChannel.PUBLIC;
        return isPublic
                ? new SlotChange(session, published, booked, 0, 0, true, false)
                : new SlotChange(session, 0, 0, published, booked, false, true);
    }

    /** The change that undoes this one. */
    SlotChange reversed() {
        return new SlotChange(date, period, -publicPublished, -publicBooked, -referralPublished, -referralBooked,
                touchesPublic, touchesReferral);
    }
}

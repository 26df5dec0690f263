package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.value.EventId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One department's live figures and the event ids it has recently applied. Every method holds the
 * ledger's lock, so the duplicate check and the change it guards happen as one step, and readers
 * never see half an event.
 */
final class DepartmentLedger {

    private final DepartmentKey department;
    private final RecentEventIds recentEventIds;
    private final Map<SessionKey, LiveSession> sessions = new HashMap<>();
    private BedCounts beds;
    private BedAvailability.ReferralPool referralBeds;
    // The last range summed and its sum: recommendations ask every department for the same range
    // (the sessions not yet over to the slot horizon) hundreds of times between two of its capacity events, so the sum
    // is kept until an event changes the sessions (or the range moves on with the clock).
    // One holder summed into in place, like the sessions (LiveSession says why).
    private final LiveSession sum = new LiveSession();
    private boolean summed;
    private boolean sumEmpty;
    private SessionRange summedOver;

    DepartmentLedger(DepartmentKey department, int recentEventIds) {
        this.department = department;
        this.recentEventIds = new RecentEventIds(recentEventIds);
    }

    synchronized ApplyOutcome apply(CapacityEvent event) {
        int seen = recentEventIds.find(event.eventId());
        if (seen >= 0 && recentEventIds.arrived(seen)) {
            return ApplyOutcome.DUPLICATE;
        }
        SlotChange change = SlotChange.of(event);
        if (change == null) {
            arrived(event.eventId(), seen);
            return applyBeds(event);
        }
        ApplyOutcome outcome = takeOutCorrected(event.correctsEventId(), event);
        if (seen >= 0) {
            // Named by a correction that came first: that one replaces this one, which still
            // replaces what it names itself (in a chain, only the newest correction counts).
            arrived(event.eventId(), recentEventIds.find(event.eventId()));
            return ApplyOutcome.SUPERSEDED;
        }
        summed = false;
        int place = recentEventIds.add(event.eventId(), true);
        session(change.date(), change.period()).apply(change, event.occurredAt());
        recentEventIds.keepChange(place, change);
        return outcome;
    }

    /** Notes the event's arrival at its place, or keeps its id when it has none (yet, or any more). */
    private void arrived(EventId id, int place) {
        if (place >= 0) {
            recentEventIds.markArrived(place);
        } else {
            recentEventIds.add(id, true);
        }
    }

    /**
     * A correction replaces the event it names (shared-events: "that record replaces the one it
     * names"): the named event's change is taken out if it is in force here, and if the named event
     * has not come yet it is remembered as replaced, so that it changes nothing when it comes.
     * Before the new id is added, so the named one is not pushed out of the window by it.
     */
    private ApplyOutcome takeOutCorrected(EventId corrected, CapacityEvent correction) {
        if (corrected == null || corrected.equals(correction.eventId())) {
            return ApplyOutcome.APPLIED;
        }
        int named = recentEventIds.find(corrected);
        if (named < 0) {
            recentEventIds.add(corrected, false);
            return ApplyOutcome.CORRECTION_APPLIED;
        }
        SlotChange inForce = recentEventIds.takeChange(named);
        LiveSession session = inForce == null
                ? null
                : sessions.get(new SessionKey(department, inForce.date(), inForce.period()));
        // Nothing in force (replaced already) or a session already forgotten (over): nothing to take out.
        if (session != null) {
            summed = false;
            session.apply(inForce.reversed(), correction.occurredAt());
        }
        return ApplyOutcome.CORRECTION_APPLIED;
    }

    private ApplyOutcome applyBeds(CapacityEvent event) {
        if (event instanceof BedStatusReported report) {
            return report(report);
        }
        // Replaced in arrival order, not by occurredAt: referral-service's outbox publishes the
        // pool's states in commit order, the order the holds happened in (the contract says why).
        ReservedBedsReported pool = (ReservedBedsReported) event;
        referralBeds = new BedAvailability.ReferralPool(pool.reserved(), pool.held());
        return ApplyOutcome.APPLIED;
    }

    /** The session's figures as {@code view} makes them, under this ledger's lock; empty if the session is unknown. */
    synchronized <T> Optional<T> session(SessionKey key, Function<LiveSession, T> view) {
        LiveSession session = sessions.get(key);
        return session == null ? Optional.empty() : Optional.of(view.apply(session));
    }

    /**
     * The sessions in the range, summed, as {@code view} makes them under this ledger's lock; empty if none is known.
     */
    synchronized <T> Optional<T> sessionsIn(SessionRange range, Function<LiveSession, T> view) {
        return sumOver(range) ? Optional.of(view.apply(sum)) : Optional.empty();
    }

    /**
     * {@link #sessionsIn} into a reused holder, without allocating: false if no session is
     * known in the range (the recommender's hot path).
     */
    synchronized boolean readIn(SessionRange range, long feedHeard, Instant now,
                                CapacityViewPolicy policy, SlotReading into) {
        if (!sumOver(range)) {
            return false;
        }
        into.set(sum, feedHeard, now, policy);
        return true;
    }

    /** Brings {@link #sum} to the range; false if no session is known in it. */
    private boolean sumOver(SessionRange range) {
        if (summed && range.equals(summedOver)) {
            return !sumEmpty;
        }
        sum.clear();
        boolean any = false;
        // A plain loop: this runs for every department a recommendation considers whose sessions changed.
        for (Map.Entry<SessionKey, LiveSession> session : sessions.entrySet()) {
            if (range.contains(session.getKey())) {
                sum.add(session.getValue());
                any = true;
            }
        }
        summed = true;
        sumEmpty = !any;
        summedOver = range;
        return any;
    }

    /** The hospital's last bed report with the referral pool's last state; empty until the hospital has reported. */
    synchronized Optional<BedCounts> beds() {
        return Optional.ofNullable(beds).map(counts -> counts.withReferral(referralBeds));
    }

    synchronized void forgetSessionsBefore(LocalDate date) {
        summed = false;
        sessions.keySet().removeIf(key -> key.date().isBefore(date));
    }

    private LiveSession session(LocalDate date, SessionPeriod period) {
        return sessions.computeIfAbsent(new SessionKey(department, date, period), key -> new LiveSession());
    }

    // Bed reports are states, not deltas: the latest fact wins, and a correction is simply a
    // restatement that replaces the figures unless a later report has already superseded them.
    private ApplyOutcome report(BedStatusReported report) {
        if (beds != null && report.occurredAt().isBefore(beds.updatedAt())) {
            return ApplyOutcome.SUPERSEDED;
        }
        beds = BedCounts.of(report);
        return ApplyOutcome.APPLIED;
    }
}

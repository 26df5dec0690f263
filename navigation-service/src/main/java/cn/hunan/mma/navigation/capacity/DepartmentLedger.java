package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;

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
    // (today to the slot horizon) hundreds of times between two of its capacity events, so the sum
    // is kept until an event changes the sessions (or the day, and with it the range, moves on).
    // Held as primitives and one holder summed into in place, like the sessions (LiveSession says why).
    private final LiveSession sum = new LiveSession();
    private boolean summed;
    private boolean sumEmpty;
    private long summedFromDay;
    private long summedToDay;

    DepartmentLedger(DepartmentKey department, int recentEventIds) {
        this.department = department;
        this.recentEventIds = new RecentEventIds(recentEventIds);
    }

    synchronized ApplyOutcome apply(CapacityEvent event) {
        if (!recentEventIds.remember(event.eventId())) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event instanceof BedStatusReported report) {
            return report(report);
        }
        if (event instanceof ReservedBedsReported pool) {
            // Replaced in arrival order, not by occurredAt: referral-service's outbox publishes the
            // pool's states in commit order, the order the holds happened in (the contract says why).
            referralBeds = new BedAvailability.ReferralPool(pool.reserved(), pool.held());
            return ApplyOutcome.APPLIED;
        }
        // A slot correction would have to undo a delta this ledger may never have seen (or may
        // have forgotten); hospitals restate slots with new publish/cancel events instead.
        if (event.correctsEventId() != null) {
            return ApplyOutcome.CORRECTION_IGNORED;
        }
        summed = false;
        if (event instanceof SlotsPublished published) {
            LiveSession session = session(published.session());
            session.publicSlots().publish(published.publicCount(), published.occurredAt());
            session.referralSlots().publish(published.reservedForReferralCount(), published.occurredAt());
        } else if (event instanceof SlotsBooked booked) {
            session(booked.session()).channel(booked.channel()).book(booked.count(), booked.occurredAt());
        } else if (event instanceof SlotsReleased released && released.opensSlots()) {
            LiveSession session = session(released.session());
            session.channel(released.openedFrom()).openTo(session.channel(released.channel()), released.count(),
                    released.occurredAt());
        } else if (event instanceof SlotsReleased released) {
            session(released.session()).channel(released.channel()).release(released.count(), released.occurredAt());
        } else if (event instanceof SlotsCancelled cancelled) {
            session(cancelled.session()).channel(cancelled.channel()).cancel(cancelled.count(), cancelled.occurredAt());
        }
        return ApplyOutcome.APPLIED;
    }

    /** The session's figures as {@code view} makes them, under this ledger's lock; empty if the session is unknown. */
    synchronized <T> Optional<T> session(SessionKey key, Function<LiveSession, T> view) {
        LiveSession session = sessions.get(key);
        return session == null ? Optional.empty() : Optional.of(view.apply(session));
    }

    /**
     * The sessions from {@code from} to {@code to} inclusive, summed, as {@code view} makes them
     * under this ledger's lock; empty if none is known.
     */
    synchronized <T> Optional<T> sessionsBetween(LocalDate from, LocalDate to, Function<LiveSession, T> view) {
        return sumBetween(from, to) ? Optional.of(view.apply(sum)) : Optional.empty();
    }

    /**
     * {@link #sessionsBetween} into a reused holder, without allocating: false if no session is
     * known in the range (the recommender's hot path).
     */
    synchronized boolean readBetween(LocalDate from, LocalDate to, Instant now, CapacityViewPolicy policy,
                                     SlotReading into) {
        if (!sumBetween(from, to)) {
            return false;
        }
        into.set(sum, now, policy);
        return true;
    }

    /** Brings {@link #sum} to the range; false if no session is known in it. */
    private boolean sumBetween(LocalDate from, LocalDate to) {
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        if (summed && summedFromDay == fromDay && summedToDay == toDay) {
            return !sumEmpty;
        }
        sum.clear();
        boolean any = false;
        // A plain loop: this runs for every department a recommendation considers whose sessions changed.
        for (Map.Entry<SessionKey, LiveSession> session : sessions.entrySet()) {
            long day = session.getKey().date().toEpochDay();
            if (day >= fromDay && day <= toDay) {
                sum.add(session.getValue());
                any = true;
            }
        }
        summed = true;
        sumEmpty = !any;
        summedFromDay = fromDay;
        summedToDay = toDay;
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

    private LiveSession session(ClinicSession session) {
        return sessions.computeIfAbsent(SessionKey.of(department, session), key -> new LiveSession());
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

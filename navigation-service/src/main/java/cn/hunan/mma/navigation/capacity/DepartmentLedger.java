package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One department's live figures and the event ids it has recently applied. Every method holds the
 * ledger's lock, so the duplicate check and the change it guards happen as one step, and readers
 * never see half an event.
 */
final class DepartmentLedger {

    private final DepartmentKey department;
    private final RecentEventIds recentEventIds;
    private final Map<SessionKey, SessionSlots> sessions = new HashMap<>();
    private BedCounts beds;
    // The last range summed and its sum: recommendations ask every department for the same range
    // (today to the slot horizon) hundreds of times between two of its capacity events, so the sum
    // is kept until an event changes the sessions (or the day, and with it the range, moves on).
    private LocalDate summedFrom;
    private LocalDate summedTo;
    private SessionSlots sum;

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
        // A slot correction would have to undo a delta this ledger may never have seen (or may
        // have forgotten); hospitals restate slots with new publish/cancel events instead.
        if (event.correctsEventId() != null) {
            return ApplyOutcome.CORRECTION_IGNORED;
        }
        forgetSum();
        if (event instanceof SlotsPublished published) {
            SessionKey key = SessionKey.of(department, published.session());
            SessionSlots slots = sessions.getOrDefault(key, SessionSlots.NONE);
            sessions.put(key, new SessionSlots(
                    slots.publicSlots().publish(published.publicCount(), published.occurredAt()),
                    slots.referralSlots().publish(published.reservedForReferralCount(), published.occurredAt())));
        } else if (event instanceof SlotsBooked booked) {
            change(SessionKey.of(department, booked.session()),
                    slots -> slots.change(booked.channel(), c -> c.book(booked.count(), booked.occurredAt())));
        } else if (event instanceof SlotsReleased released) {
            change(SessionKey.of(department, released.session()),
                    slots -> slots.change(released.channel(), c -> c.release(released.count(), released.occurredAt())));
        } else if (event instanceof SlotsCancelled cancelled) {
            change(SessionKey.of(department, cancelled.session()),
                    slots -> slots.change(cancelled.channel(), c -> c.cancel(cancelled.count(), cancelled.occurredAt())));
        }
        return ApplyOutcome.APPLIED;
    }

    synchronized Optional<SessionSlots> session(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    /** The sessions from {@code from} to {@code to} inclusive, summed; empty if none is known. */
    synchronized Optional<SessionSlots> sessionsBetween(LocalDate from, LocalDate to) {
        return Optional.ofNullable(summedBetween(from, to));
    }

    /** {@link #sessionsBetween} without the {@code Optional}: null if none is known (the recommender's hot path). */
    synchronized SessionSlots summedBetween(LocalDate from, LocalDate to) {
        if (summedFrom != null && summedFrom.equals(from) && summedTo.equals(to)) {
            return sum;
        }
        SessionSlots summed = sumBetween(from, to);
        summedFrom = from;
        summedTo = to;
        sum = summed;
        return summed;
    }

    private SessionSlots sumBetween(LocalDate from, LocalDate to) {
        // A plain loop: this runs for every department a recommendation considers whose sessions changed.
        SessionSlots sum = null;
        for (Map.Entry<SessionKey, SessionSlots> session : sessions.entrySet()) {
            LocalDate date = session.getKey().date();
            if (!date.isBefore(from) && !date.isAfter(to)) {
                sum = sum == null ? session.getValue() : sum.plus(session.getValue());
            }
        }
        return sum;
    }

    private void forgetSum() {
        summedFrom = null;
        summedTo = null;
        sum = null;
    }

    synchronized Optional<BedCounts> beds() {
        return Optional.ofNullable(beds);
    }

    synchronized void forgetSessionsBefore(LocalDate date) {
        forgetSum();
        sessions.keySet().removeIf(key -> key.date().isBefore(date));
    }

    private void change(SessionKey key, UnaryOperator<SessionSlots> change) {
        sessions.put(key, change.apply(sessions.getOrDefault(key, SessionSlots.NONE)));
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

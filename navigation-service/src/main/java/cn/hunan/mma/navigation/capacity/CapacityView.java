package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live appointment slots and beds of every department, fed by the capacity topic.
 *
 * <p>Rules, so that a replayed, duplicated or reordered stream gives the same figures:
 * <ul>
 *   <li>slots are counted per session and per channel (public, reserved for referral):
 *       published adds to the channel, booked takes from it, released gives back, cancelled
 *       withdraws. These are deltas, so their order does not matter;</li>
 *   <li>an event id seen recently in the same department is a duplicate and changes nothing
 *       (window: {@link CapacityViewPolicy#recentEventIdsPerDepartment()});</li>
 *   <li>a slot event correcting another ({@code correctsEventId}) replaces it, as the simulator's
 *       oracle counts: the named event's change is taken out and the correction's applied
 *       ({@link ApplyOutcome#CORRECTION_APPLIED}); a correction that comes before the event it
 *       names is applied, and that event changes nothing when it comes
 *       ({@link ApplyOutcome#SUPERSEDED}). Only an event still inside the window (same department)
 *       can be taken out;</li>
 *   <li>a bed report replaces the department's beds unless a report that happened later is
 *       already shown; a corrected bed report follows the same rule;</li>
 *   <li>every figure carries the {@code occurredAt} of the latest event behind it, and queries
 *       flag it stale once its institution's feed has been silent past
 *       {@link CapacityViewPolicy#staleAfter()} on the given clock ({@link FeedLiveness}: when the
 *       institution's latest event of any type was received).</li>
 * </ul>
 * Thread-safe: each department has its own lock, so the topic's consumer threads and query
 * threads only wait for each other on the same department.
 */
public final class CapacityView {

    private final Clock clock;
    private final CapacityViewPolicy policy;
    private final ConcurrentHashMap<DepartmentKey, DepartmentLedger> departments = new ConcurrentHashMap<>();
    private final FeedLiveness feeds = new FeedLiveness();

    public CapacityView(Clock clock, CapacityViewPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Applies an event received now (on the view's clock). */
    public ApplyOutcome apply(CapacityEvent event) {
        return apply(event, clock.millis());
    }

    /**
     * Applies an event that reached the platform at {@code receivedMillis} (epoch ms: its Kafka
     * record's timestamp), which tells that its institution's feed was alive then; a time ahead of
     * the view's clock counts as now, so a hospital clock running fast cannot keep its feed alive.
     */
    public ApplyOutcome apply(CapacityEvent event, long receivedMillis) {
        DepartmentKey key = departmentOf(event);
        feeds.heard(key.institutionId(), Math.min(receivedMillis, clock.millis()));
        return departments
                .computeIfAbsent(key, k -> new DepartmentLedger(k, policy.recentEventIdsPerDepartment()))
                .apply(event);
    }

    public Optional<SessionAvailability> session(SessionKey key) {
        return ledger(key.department()).flatMap(ledger -> ledger.session(key, slots -> new SessionAvailability(key,
                slots.publicSlots().availability(), slots.referralSlots().availability(),
                freshness(key.department(), slots))));
    }

    /** The department's slots over the sessions from {@code from} to {@code to}, both inclusive. */
    public Optional<DepartmentAvailability> slots(DepartmentKey department, LocalDate from, LocalDate to) {
        return slots(department, SessionRange.days(from, to));
    }

    /** The department's slots over the sessions of the range. */
    public Optional<DepartmentAvailability> slots(DepartmentKey department, SessionRange range) {
        return ledger(department).flatMap(ledger -> ledger.sessionsIn(range,
                slots -> new DepartmentAvailability(department, range.firstDay(), range.lastDay(),
                        slots.publicSlots().availability(), slots.referralSlots().availability(),
                        freshness(department, slots))));
    }

    /**
     * {@link #slots} into a reused holder, without allocating: false when the department has no
     * sessions in the range. Staleness is judged at {@code now}, which a caller reading many
     * departments for one answer takes once ({@link #now()}).
     */
    public boolean readSlots(DepartmentKey department, SessionRange range, Instant now, SlotReading into) {
        DepartmentLedger ledger = departments.get(department);
        return ledger != null
                && ledger.readIn(range, feeds.lastHeard(department.institutionId()), now, policy, into);
    }

    /** The view's clock now: the moment figures are judged stale against. */
    public Instant now() {
        return clock.instant();
    }

    public Optional<BedAvailability> beds(DepartmentKey department) {
        return ledger(department)
                .flatMap(DepartmentLedger::beds)
                .map(beds -> new BedAvailability(department, beds.total(), beds.occupied(), beds.reserved(),
                        Optional.ofNullable(beds.referral()),
                        Freshness.of(beds.updatedAt(), feeds.lastHeard(department.institutionId()), clock.instant(),
                                policy.staleAfter())));
    }

    /** Drops sessions that are over; the caller runs this daily so the view does not grow forever. */
    public void forgetSessionsBefore(LocalDate date) {
        departments.values().forEach(ledger -> ledger.forgetSessionsBefore(date));
    }

    private Optional<DepartmentLedger> ledger(DepartmentKey department) {
        return Optional.ofNullable(departments.get(department));
    }

    private Freshness freshness(DepartmentKey department, LiveSession slots) {
        return Freshness.of(slots.updatedAt(), feeds.lastHeard(department.institutionId()), clock.instant(),
                policy.staleAfter());
    }

    private static DepartmentKey departmentOf(CapacityEvent event) {
        if (event instanceof BedStatusReported report) {
            return new DepartmentKey(report.institutionId(), report.departmentId());
        }
        if (event instanceof SlotsPublished published) {
            return new DepartmentKey(published.institutionId(), published.session().departmentId());
        }
        if (event instanceof SlotsBooked booked) {
            return new DepartmentKey(booked.institutionId(), booked.session().departmentId());
        }
        if (event instanceof SlotsReleased released) {
            return new DepartmentKey(released.institutionId(), released.session().departmentId());
        }
        if (event instanceof SlotsCancelled cancelled) {
            return new DepartmentKey(cancelled.institutionId(), cancelled.session().departmentId());
        }
        if (event instanceof ReservedBedsReported pool) {
            return new DepartmentKey(pool.institutionId(), pool.departmentId());
        }
        // A type added to the sealed contract must be placed here before it can be applied.
        throw new IllegalArgumentException("no department known for " + event.getClass().getSimpleName());
    }
}

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
 *   <li>a corrected slot event ({@code correctsEventId} set) is counted as
 *       {@link ApplyOutcome#CORRECTION_IGNORED} and not applied;</li>
 *   <li>a bed report replaces the department's beds unless a report that happened later is
 *       already shown; a corrected bed report follows the same rule;</li>
 *   <li>every figure carries the {@code occurredAt} of the latest event behind it, and queries
 *       flag it stale past {@link CapacityViewPolicy#staleAfter()} on the given clock.</li>
 * </ul>
 * Thread-safe: each department has its own lock, so the topic's consumer threads and query
 * threads only wait for each other on the same department.
 */
public final class CapacityView {

    private final Clock clock;
    private final CapacityViewPolicy policy;
    private final ConcurrentHashMap<DepartmentKey, DepartmentLedger> departments = new ConcurrentHashMap<>();

    public CapacityView(Clock clock, CapacityViewPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ApplyOutcome apply(CapacityEvent event) {
        DepartmentKey key = departmentOf(event);
        return departments
                .computeIfAbsent(key, k -> new DepartmentLedger(k, policy.recentEventIdsPerDepartment()))
                .apply(event);
    }

    public Optional<SessionAvailability> session(SessionKey key) {
        return ledger(key.department()).flatMap(ledger -> ledger.session(key, slots -> new SessionAvailability(key,
                slots.publicSlots().availability(), slots.referralSlots().availability(), freshness(slots))));
    }

    /** The department's slots over the sessions from {@code from} to {@code to}, both inclusive. */
    public Optional<DepartmentAvailability> slots(DepartmentKey department, LocalDate from, LocalDate to) {
        return ledger(department).flatMap(ledger -> ledger.sessionsBetween(from, to,
                slots -> new DepartmentAvailability(department, from, to,
                        slots.publicSlots().availability(), slots.referralSlots().availability(), freshness(slots))));
    }

    /**
     * {@link #slots} into a reused holder, without allocating: false when the department has no
     * sessions in the range. Staleness is judged at {@code now}, which a caller reading many
     * departments for one answer takes once ({@link #now()}).
     */
    public boolean readSlots(DepartmentKey department, LocalDate from, LocalDate to, Instant now, SlotReading into) {
        DepartmentLedger ledger = departments.get(department);
        return ledger != null && ledger.readBetween(from, to, now, policy, into);
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
                        Freshness.of(beds.updatedAt(), clock.instant(), policy.staleAfter())));
    }

    /** Drops sessions that are over; the caller runs this daily so the view does not grow forever. */
    public void forgetSessionsBefore(LocalDate date) {
        departments.values().forEach(ledger -> ledger.forgetSessionsBefore(date));
    }

    private Optional<DepartmentLedger> ledger(DepartmentKey department) {
        return Optional.ofNullable(departments.get(department));
    }

    private Freshness freshness(LiveSession slots) {
        return Freshness.of(slots.updatedAt(), clock.instant(), policy.staleAfter());
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

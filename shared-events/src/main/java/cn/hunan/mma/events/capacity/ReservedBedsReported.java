package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/**
 * States a department's referral bed pool as referral-service keeps it: the beds set aside for
 * referred patients and how many of them scheduled referrals hold. Published by referral-service
 * (through its outbox) on every hold and release and whenever a bed report changes the pool, so
 * navigation can show the beds still open to referrals. A state, not a delta: the latest on the
 * topic replaces earlier ones. Kept apart from {@link BedStatusReported}, which is the hospital's
 * own report: restating that one here would overwrite the hospital's figures.
 *
 * <p>Latest means latest on the topic, not by {@code occurredAt}: the publisher's outbox emits in
 * commit order, which is the order the holds happened in, while two concurrent holds may take
 * their timestamps in the other order.
 *
 * @param reserved beds set aside for referrals: the hospital's own reservation, or the city's share
 *                 of its beds when that is more
 * @param held     of those, beds held by scheduled referrals; may exceed {@code reserved} for a while
 *                 when a hospital lowers its reservation below what is already held
 */
public record ReservedBedsReported(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        int reserved,
        int held,
        @OptionalField EventId correctsEventId) implements CapacityEvent {

    public ReservedBedsReported {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.nonNegative(reserved, "reserved");
        Checks.nonNegative(held, "held");
    }

    /** Reserved beds not held: what a referral can still be scheduled into. */
    public int open() {
        return Math.max(0, reserved - held);
    }
}

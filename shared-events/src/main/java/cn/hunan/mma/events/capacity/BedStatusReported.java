package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/**
 * States a department's beds at a moment: the latest report replaces earlier ones.
 *
 * @param occupied may exceed {@code total}: extra beds (加床) are occupied beds too
 * @param reserved beds held for referred patients
 */
public record BedStatusReported(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        int total,
        int occupied,
        int reserved,
        @OptionalField EventId correctsEventId) implements CapacityEvent {

    public BedStatusReported {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.nonNegative(total, "total");
        Checks.nonNegative(occupied, "occupied");
        Checks.nonNegative(reserved, "reserved");
    }
}

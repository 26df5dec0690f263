package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/** States what a department of an institution is called and how its specialty is recognised. */
public record SpecialtySnapshot(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        String name,
        SpecialtyTag tag) implements MatrixSnapshot {

    public SpecialtySnapshot {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.text(name, "name", 200);
        Checks.present(tag, "tag");
    }
}

package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;

import java.util.Objects;

/** One department of one institution: department ids are unique only within their institution. */
public record DepartmentKey(InstitutionId institutionId, DepartmentId departmentId) {

    public DepartmentKey {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(departmentId, "departmentId");
    }
}

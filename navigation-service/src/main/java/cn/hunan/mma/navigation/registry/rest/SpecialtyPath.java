package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;

/** The specialty a path names, its ids checked by the contract (a malformed one is 400 naming it). */
record SpecialtyPath(InstitutionId institutionId, DepartmentId departmentId) {

    static SpecialtyPath of(String institutionId, String departmentId) {
        return new SpecialtyPath(RequestValues.parsed("institutionId", institutionId, InstitutionId::of),
                RequestValues.parsed("departmentId", departmentId, DepartmentId::of));
    }
}

package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.rest.RequestFields;

/** The specialty a path names, its ids checked by the contract (a malformed one is 400 naming it). */
record SpecialtyPath(InstitutionId institutionId, DepartmentId departmentId) {

    static SpecialtyPath of(String institutionId, String departmentId) {
        return new SpecialtyPath(RequestFields.parsed("institutionId", institutionId, InstitutionId::of),
                RequestFields.parsed("departmentId", departmentId, DepartmentId::of));
    }
}

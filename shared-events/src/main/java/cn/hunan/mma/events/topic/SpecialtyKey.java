package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Reason;

/**
 * The key of the specialties topic, "institutionId:departmentId": department ids are unique
 * only within their institution.
 */
public record SpecialtyKey(InstitutionId institutionId, DepartmentId departmentId) {

    public SpecialtyKey {
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
    }

    public static SpecialtyKey of(SpecialtySnapshot specialty) {
        return new SpecialtyKey(specialty.institutionId(), specialty.departmentId());
    }

    public static SpecialtyKey parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new ContractViolation(Reason.MALFORMED_ID, null, "specialty key must be institutionId:departmentId");
        }
        return new SpecialtyKey(InstitutionId.of(parts[0]), DepartmentId.of(parts[1]));
    }

    @Override
    public String toString() {
        return institutionId + ":" + departmentId;
    }
}

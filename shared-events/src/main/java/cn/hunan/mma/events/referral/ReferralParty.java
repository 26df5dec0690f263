package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;

/** One end of a referral: an institution and the department sending or receiving the patient. */
public record ReferralParty(InstitutionId institutionId, DepartmentId departmentId) {

    public ReferralParty {
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
    }
}

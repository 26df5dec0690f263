package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.List;
import java.util.OptionalInt;

/**
 * One recommended department, with the score that placed it and why, in the order the rules apply.
 *
 * @param openSlots slots open in the caller's channel (public, or reserved for referral) over the
 *                  horizon, on live figures; empty when the department has none or they are stale
 */
public record Candidate(
        InstitutionId institutionId,
        String institutionName,
        Level level,
        DepartmentId departmentId,
        String departmentName,
        SpecialtyTag tag,
        double score,
        List<String> reasons,
        OptionalInt openSlots) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.List;

/**
 * One recommended department, with the score that placed it and why, in the order the rules apply.
 */
public record Candidate(
        InstitutionId institutionId,
        String institutionName,
        Level level,
        DepartmentId departmentId,
        String departmentName,
        SpecialtyTag tag,
        double score,
        List<String> reasons) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }
}

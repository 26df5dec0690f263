package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hospital matrix as the recommender reads it. Department ids are taken to follow one
 * shared list of clinical departments (诊疗科目), so the same id names the same specialty in
 * every institution.
 */
public interface MatrixView {

    Optional<InstitutionSnapshot> institution(InstitutionId id);

    /** Every institution's department with this id, whatever its tag. */
    List<SpecialtySnapshot> departments(DepartmentId departmentId);

    /** The departments that treat a diagnosis; empty when none is known to. */
    Set<DepartmentId> departmentsTreating(Icd10Code diagnosis);

    /** The guidance catalogue (住院病种引导目录) in force. */
    List<GuidanceCatalogueEntry> catalogue();
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hospital matrix as the recommender reads it. Department ids are taken to follow one
 * shared list of clinical departments (诊疗科目), so the same id names the same specialty in
 * every institution.
 *
 * <p>The default methods answer by scanning, which is fine for small matrices; a snapshot of the
 * whole province overrides them with indexes so a request touches tens of departments, not
 * thousands.
 */
public interface MatrixView {

    Optional<InstitutionSnapshot> institution(InstitutionId id);

    /** Every institution's department with this id, whatever its tag. */
    List<SpecialtySnapshot> departments(DepartmentId departmentId);

    /** The departments that treat a diagnosis; empty when none is known to. */
    Set<DepartmentId> departmentsTreating(Icd10Code diagnosis);

    /** The guidance catalogue (住院病种引导目录) in force. */
    List<GuidanceCatalogueEntry> catalogue();

    /**
     * This department at the registered institutions at or above a level whose division lies in
     * the area (township, county, city, or the province: {@code 430000}).
     */
    default List<SpecialtySnapshot> departmentsIn(DepartmentId departmentId, DivisionCode area, Level atLeast) {
        return departments(departmentId).stream()
                .filter(department -> institution(department.institutionId())
                        .map(institution -> institution.divisionCode().isWithin(area)
                                && !institution.level().isBelow(atLeast))
                        .orElse(false))
                .toList();
    }

    /**
     * {@link #departmentsIn} with each department's institution and the figures worked out once per
     * snapshot ({@link Offering}); departments of unregistered institutions are left out.
     */
    default List<Offering> offeringsIn(DepartmentId departmentId, DivisionCode area, Level atLeast) {
        return departmentsIn(departmentId, area, atLeast).stream()
                .flatMap(department -> institution(department.institutionId())
                        .map(institution -> Offering.of(institution, department)).stream())
                .toList();
    }

    /** The lowest level of care at which an active institution has this department. */
    default Optional<Level> lowestLevelOffering(DepartmentId departmentId) {
        return departments(departmentId).stream()
                .map(SpecialtySnapshot::institutionId)
                .map(this::institution)
                .flatMap(Optional::stream)
                .filter(InstitutionSnapshot::active)
                .map(InstitutionSnapshot::level)
                .min(Comparator.naturalOrder());
    }

    /** The catalogue entry deciding a diagnosis's level: the most specific prefix covering it. */
    default Optional<GuidanceCatalogueEntry> catalogueEntryFor(Icd10Code diagnosis) {
        return new GuidanceCatalogue(catalogue()).entryFor(diagnosis);
    }
}

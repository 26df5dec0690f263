package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Level;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a primary-level disease (基层病种) is seen at the primary levels of care: "common diseases do
 * not leave the township" (DOMAIN.md §1). Village clinics and township / community centres have no
 * cardiology or endocrinology, so the specialist departments the diagnosis maps to would pass them
 * by; their general and internal medicine see these diseases instead. Higher levels keep being
 * offered the specialist departments only.
 *
 * @param departments the departments seeing primary-level diseases, ids of the shared list of
 *                    clinical departments (the simulator's: every village clinic and community
 *                    station has general medicine, every township and community centre also
 *                    internal medicine)
 * @param upTo        the highest level they are offered at for it
 */
record PrimaryCare(Set<DepartmentId> departments, Level upTo) {

    static final PrimaryCare STANDARD = new PrimaryCare(
            Set.of(DepartmentId.of("general-medicine"), DepartmentId.of("internal-medicine")), Level.TOWNSHIP);

    /** For a diagnosis that is not a primary-level disease, or a department asked for by name. */
    static final PrimaryCare NONE = new PrimaryCare(Set.of(), Level.VILLAGE);

    PrimaryCare {
        departments = Set.copyOf(departments);
    }

    /**
     * These departments less those already wanted (the specialist ones), so that no department is
     * looked for twice; itself in the usual case of none wanted already (no allocation per request).
     */
    PrimaryCare besides(Set<DepartmentId> wanted) {
        for (DepartmentId department : departments) {
            if (wanted.contains(department)) {
                return new PrimaryCare(departments.stream().filter(d -> !wanted.contains(d))
                        .collect(Collectors.toUnmodifiableSet()), upTo);
            }
        }
        return this;
    }
}

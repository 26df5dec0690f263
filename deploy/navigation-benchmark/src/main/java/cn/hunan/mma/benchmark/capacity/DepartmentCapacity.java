package cn.hunan.mma.benchmark.capacity;

import cn.hunan.mma.simulator.matrix.AreaMatrix;

import java.util.List;

/** A department of the matrix with the capacity it reports: beds and daily clinic slots. */
public record DepartmentCapacity(String institutionId, String departmentId, int beds, int dailyExpertSlots,
                                 int dailyGeneralSlots) {

    public static List<DepartmentCapacity> of(AreaMatrix area) {
        return area.institutions().stream()
                .flatMap(institution -> institution.departments().stream().map(d -> new DepartmentCapacity(
                        institution.id(), d.id(), d.beds(), d.dailyExpertSlots(), d.dailyGeneralSlots())))
                .filter(d -> d.beds() > 0 || d.dailySlots() > 0)
                .toList();
    }

    public int dailySlots() {
        return dailyExpertSlots + dailyGeneralSlots;
    }
}

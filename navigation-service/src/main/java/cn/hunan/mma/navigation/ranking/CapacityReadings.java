package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;
import cn.hunan.mma.navigation.capacity.DepartmentKey;

import java.time.LocalDate;
import java.util.Optional;

/** A department's live slots over the days a recommendation looks at. */
@FunctionalInterface
public interface CapacityReadings {

    Optional<DepartmentAvailability> of(DepartmentKey department);

    /** Reads the live view over the sessions from {@code from} to {@code to}, both inclusive. */
    static CapacityReadings over(CapacityView view, LocalDate from, LocalDate to) {
        return department -> view.slots(department, from, to);
    }
}

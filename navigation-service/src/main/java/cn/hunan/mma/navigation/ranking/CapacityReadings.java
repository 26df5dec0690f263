package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.navigation.capacity.CapacityView;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;
import cn.hunan.mma.navigation.capacity.DepartmentKey;
import cn.hunan.mma.navigation.capacity.SessionRange;
import cn.hunan.mma.navigation.capacity.SlotReading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A department's live slots over the days a recommendation looks at. */
@FunctionalInterface
public interface CapacityReadings {

    Optional<DepartmentAvailability> of(DepartmentKey department);

    /**
     * The department's figures into a reused holder; false when it has none. The recommender reads
     * through this, once per department near the patient; the live view answers it without
     * allocating, other sources through {@link #of}.
     */
    default boolean read(DepartmentKey department, SlotReading into) {
        Optional<DepartmentAvailability> figures = of(department);
        figures.ifPresent(into::set);
        return figures.isPresent();
    }

    /**
     * Reads the live view over the sessions from {@code from} to {@code to}, both inclusive. Made
     * for one answer: staleness is judged at the moment this is called, the same for every
     * department the answer considers.
     */
    static CapacityReadings over(CapacityView view, LocalDate from, LocalDate to) {
        return over(view, SessionRange.days(from, to), view.now());
    }

    /**
     * Reads the live view over the sessions not yet over on its clock, through the last of {@code days} days
     * from today (China Standard Time): what a recommendation counts as open slots.
     */
    static CapacityReadings ahead(CapacityView view, int days) {
        Instant now = view.now();
        return over(view, SessionRange.ahead(now, days), now);
    }

    private static CapacityReadings over(CapacityView view, SessionRange range, Instant now) {
        return new CapacityReadings() {
            @Override
            public Optional<DepartmentAvailability> of(DepartmentKey department) {
                return view.slots(department, range);
            }

            @Override
            public boolean read(DepartmentKey department, SlotReading into) {
                return view.readSlots(department, range, now, into);
            }
        };
    }
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;
import cn.hunan.mma.navigation.capacity.DepartmentKey;
import cn.hunan.mma.navigation.capacity.Freshness;
import cn.hunan.mma.navigation.capacity.SlotAvailability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Slot figures set by hand per department: published and booked, public and referral apart. */
final class LiveSlots implements CapacityReadings {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 17);
    private static final Instant UPDATED = Instant.parse("2025-03-14T01:00:00Z");

    private final Map<DepartmentKey, DepartmentAvailability> figures = new HashMap<>();

    static LiveSlots none() {
        return new LiveSlots();
    }

    LiveSlots slots(InstitutionId institution, DepartmentId department,
                    int publicPublished, int publicBooked, int referralPublished, int referralBooked) {
        return put(institution, department, publicPublished, publicBooked, referralPublished, referralBooked,
                new Freshness(UPDATED, Duration.ofMinutes(1), false));
    }

    LiveSlots staleSlots(InstitutionId institution, DepartmentId department, int publicPublished, int publicBooked) {
        return put(institution, department, publicPublished, publicBooked, 0, 0,
                new Freshness(UPDATED, Duration.ofMinutes(30), true));
    }

    private LiveSlots put(InstitutionId institution, DepartmentId department, int publicPublished, int publicBooked,
                          int referralPublished, int referralBooked, Freshness freshness) {
        DepartmentKey key = new DepartmentKey(institution, department);
        figures.put(key, new DepartmentAvailability(key, MONDAY, MONDAY,
                new SlotAvailability(publicPublished, publicBooked),
                new SlotAvailability(referralPublished, referralBooked), freshness));
        return this;
    }

    @Override
    public Optional<DepartmentAvailability> of(DepartmentKey department) {
        return Optional.ofNullable(figures.get(department));
    }
}

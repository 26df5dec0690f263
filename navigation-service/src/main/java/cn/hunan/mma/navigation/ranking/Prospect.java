package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;

import java.util.Optional;
import java.util.OptionalDouble;

/** A department that may be recommended, with the facts its score is made of. */
record Prospect(
        InstitutionSnapshot institution,
        SpecialtySnapshot department,
        Optional<DepartmentAvailability> slots,
        OptionalDouble kilometres) {

    /** Slot figures recent enough to promise; stale ones count as none. */
    Optional<DepartmentAvailability> liveSlots() {
        return slots.filter(s -> !s.freshness().stale());
    }

    /** Departments spread load among peers: same city, same level, same department. */
    PeerGroup peerGroup() {
        return new PeerGroup(institution.divisionCode().value().substring(0, CITY_DIGITS), institution.level(),
                department.departmentId());
    }

    // The city is named by its digits rather than a DivisionCode: this runs for every prospect of
    // every request, and building a code validates it again.
    private static final int CITY_DIGITS = 4;

    record PeerGroup(String cityDigits, Level level, DepartmentId department) {
    }
}

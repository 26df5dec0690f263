package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.capacity.DepartmentAvailability;

import java.util.Optional;
import java.util.OptionalDouble;

/** A department that may be recommended, with the facts its score is made of. */
record Prospect(
        Offering offering,
        Optional<DepartmentAvailability> slots,
        OptionalDouble kilometres) {

    InstitutionSnapshot institution() {
        return offering.institution();
    }

    SpecialtySnapshot department() {
        return offering.department();
    }

    /** Slot figures recent enough to promise; stale ones count as none. */
    Optional<DepartmentAvailability> liveSlots() {
        return slots.isPresent() && !slots.get().freshness().stale() ? slots : Optional.empty();
    }

    /** Departments spread load among peers: same city, same level, same department. */
    Offering.PeerGroup peerGroup() {
        return offering.peerGroup();
    }
}

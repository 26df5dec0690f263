package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.capacity.DepartmentKey;

/**
 * A department as offered by its institution, with what every request scoring it needs worked out
 * once: its capacity key, its own coordinates and its load-spreading peer group. A snapshot of the
 * whole province holds these in its indexes, so a request allocates and looks up nothing per
 * department beyond its live slots.
 *
 * @param coordinates the institution's own position, or null when it is not surveyed (its
 *                    division's seat stands in, see {@link DivisionSeats#nearestKnownSeat})
 */
public record Offering(
        InstitutionSnapshot institution,
        SpecialtySnapshot department,
        DepartmentKey key,
        GeoPoint coordinates,
        PeerGroup peerGroup) {

    /**
     * Departments spread load among peers: same city, same level, same department.
     *
     * <p>Equality and hash spelt out on the fields' text: a request looks every prospect's group up
     * in a hash map, and the record's generated methods (and {@code DepartmentId}'s behind them)
     * showed in the benchmark's profile as method-handle frames, 7 % of the service's samples.
     */
    public record PeerGroup(String cityDigits, Level level, DepartmentId department) {

        @Override
        public boolean equals(Object other) {
            return other instanceof PeerGroup group && level == group.level && cityDigits.equals(group.cityDigits)
                    && department.value().equals(group.department.value());
        }

        @Override
        public int hashCode() {
            return (cityDigits.hashCode() * 31 + level.ordinal()) * 31 + department.value().hashCode();
        }
    }

    // The city is named by its digits rather than a DivisionCode: building a code validates it again.
    private static final int CITY_DIGITS = 4;

    public static Offering of(InstitutionSnapshot institution, SpecialtySnapshot department) {
        return new Offering(institution, department,
                new DepartmentKey(institution.institutionId(), department.departmentId()),
                institution.latitude() != null ? GeoPoint.of(institution.latitude(), institution.longitude()) : null,
                new PeerGroup(institution.divisionCode().value().substring(0, CITY_DIGITS), institution.level(),
                        department.departmentId()));
    }
}

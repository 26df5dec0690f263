package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DivisionCode;

import java.util.Optional;

/** Where a division's seat (its government's address) is: the stand-in for "somewhere in it". */
@FunctionalInterface
public interface DivisionSeats {

    Optional<GeoPoint> seatOf(DivisionCode division);

    /**
     * The division's own seat, else (for a village) its township's, else its county's, else its
     * city's: a village or township may not be surveyed.
     */
    default Optional<GeoPoint> nearestKnownSeat(DivisionCode division) {
        return seatOf(division)
                .or(() -> division.granularity() == DivisionCode.Granularity.VILLAGE
                        ? seatOf(DivisionCode.of(division.value().substring(0, 9)))
                        : Optional.empty())
                .or(() -> seatOf(division.countyCode()))
                .or(() -> seatOf(division.cityCode()));
    }

    /**
     * The county whose seat is nearest to a point, to start the search for candidates there;
     * empty when unknown (the search then covers the province).
     */
    default Optional<DivisionCode> nearestCounty(GeoPoint point) {
        return Optional.empty();
    }

    /**
     * The township of a county whose centre (of its institutions) is nearest to a point, to start
     * the search for candidates there; empty when the county's townships are not placed.
     */
    default Optional<DivisionCode> nearestTownship(GeoPoint point, DivisionCode county) {
        return Optional.empty();
    }
}

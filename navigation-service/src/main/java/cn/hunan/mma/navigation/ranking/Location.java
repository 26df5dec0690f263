package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DivisionCode;

/** Where the patient is: a division (its seat stands in for the patient) or a point. */
public sealed interface Location {

    record InDivision(DivisionCode division) implements Location {
    }

    record AtPoint(GeoPoint point) implements Location {
    }

    static Location in(DivisionCode division) {
        return new InDivision(division);
    }

    static Location at(double latitude, double longitude) {
        return new AtPoint(new GeoPoint(latitude, longitude));
    }
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DivisionCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where candidates are looked for, nearest first: the patient's township, county and city, then the
 * province. The recommender widens to the next area only while the nearer one offers too few
 * candidates.
 */
final class SearchAreas {

    private SearchAreas() {
    }

    static final DivisionCode HUNAN = DivisionCode.of("430000");

    /** The areas around a division, narrowest first, the province last. */
    static List<DivisionCode> around(DivisionCode division) {
        List<DivisionCode> areas = new ArrayList<>(4);
        switch (division.granularity()) {
            case VILLAGE, TOWNSHIP -> {
                areas.add(DivisionCode.of(division.value().substring(0, 9)));
                areas.add(division.countyCode());
                areas.add(division.cityCode());
            }
            case COUNTY -> {
                areas.add(division);
                areas.add(division.cityCode());
            }
            case PREFECTURE -> areas.add(division);
            case PROVINCE -> {
                // the whole province: no narrower area
            }
        }
        areas.add(HUNAN);
        return List.copyOf(areas);
    }
}

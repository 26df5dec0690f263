package cn.hunan.mma.simulator.matrix;

import java.util.List;

/**
 * A county-level unit where people live, with its 2020 census figures.
 *
 * @param ageBandShares one share per {@link cn.hunan.mma.simulator.reference.AgeBand}, summing to 1
 */
public record County(String code, String name, String prefectureCode, CountyKind kind, long population,
                     double urbanShare, double[] ageBandShares, GeoPoint seat, List<Township> townships) {

    public County {
        townships = List.copyOf(townships);
    }

    /**
     * Mostly urban districts are served by city medical groups; the rest (counties, county-level
     * cities and rural districts) by a county medical community.
     */
    public boolean servedByCityGroups() {
        return kind == CountyKind.ZONE || (kind == CountyKind.DISTRICT && urbanShare >= 0.6);
    }

    /** In 长沙市, where the provincial hospitals are local hospitals. */
    public boolean inProvincialCapital() {
        return prefectureCode.equals(Geography.CAPITAL_PREFECTURE);
    }

    public boolean hasCountyHospitals() {
        return kind != CountyKind.ZONE;
    }
}

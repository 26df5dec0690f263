package cn.hunan.mma.simulator.matrix;

/** What sort of county-level unit people live in; decides its hospitals and its alliance. */
public enum CountyKind {
    /** 市辖区: urban district. */
    DISTRICT,
    /** 县 or 自治县. */
    COUNTY,
    /** 县级市. */
    COUNTY_CITY,
    /** Statistical-only development zone or management area: no county hospitals of its own. */
    ZONE;

    static CountyKind of(String name, boolean formal) {
        if (!formal) {
            return ZONE;
        }
        if (name.endsWith("区")) {
            return DISTRICT;
        }
        return name.endsWith("市") ? COUNTY_CITY : COUNTY;
    }
}

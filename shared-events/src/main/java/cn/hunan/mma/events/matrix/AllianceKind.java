package cn.hunan.mma.events.matrix;

/** The three forms of alliance in the matrix. */
public enum AllianceKind {
    /** 县域医共体: one per county, close-knit, paid a global budget. */
    COUNTY_COMMUNITY,
    /** 城市医疗集团: one per city district grid, close-knit, paid a global budget. */
    CITY_GROUP,
    /** 专科联盟: links one specialty across regions; not budget-holding. */
    SPECIALTY_ALLIANCE
}

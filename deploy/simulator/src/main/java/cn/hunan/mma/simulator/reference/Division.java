package cn.hunan.mma.simulator.reference;

/**
 * An administrative division from {@code hunan_divisions.csv} or {@code hunan_villages.csv}.
 *
 * @param parentCode empty for the province
 * @param formal     false for statistical-only units (development zones, management areas)
 */
public record Division(String code, String name, DivisionLevel level, String parentCode, boolean formal) {

    /** 街道 (urban street) rather than 镇 or 乡: served by a community health centre. */
    public boolean isStreet() {
        return name.endsWith("街道");
    }

    /** An urban residents' committee (居委会, 社区) rather than a village (村委会). */
    public boolean isUrbanCommunity() {
        return name.contains("社区") || name.endsWith("居委会") || name.endsWith("居民委员会");
    }
}

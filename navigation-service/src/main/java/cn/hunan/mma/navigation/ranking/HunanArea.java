package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DivisionCode;

/**
 * The province this platform serves. The bounding box is a coarse outer bound of Hunan
 * (about 24.6–30.2° N, 108.8–114.3° E): it refuses points clearly elsewhere, not every point
 * just across the border.
 */
final class HunanArea {

    private static final String PROVINCE_PREFIX = "43";
    private static final double SOUTH = 24.6;
    private static final double NORTH = 30.2;
    private static final double WEST = 108.8;
    private static final double EAST = 114.3;

    private HunanArea() {
    }

    static boolean contains(DivisionCode division) {
        return division.value().startsWith(PROVINCE_PREFIX);
    }

    static boolean contains(GeoPoint point) {
        return point.latitude() >= SOUTH && point.latitude() <= NORTH
                && point.longitude() >= WEST && point.longitude() <= EAST;
    }
}

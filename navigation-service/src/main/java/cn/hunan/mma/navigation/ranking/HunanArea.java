package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.navigation.registry.domain.PlausibleCoordinates;

/**
 * The province this platform serves. A point is in it when it lies in the registry's box for institutions
 * ({@link PlausibleCoordinates}: a coarse outer bound, not the border), so a patient standing where a hospital may be
 * registered is never refused.
 */
final class HunanArea {

    private static final String PROVINCE_PREFIX = "43";

    private HunanArea() {
    }

    static boolean contains(DivisionCode division) {
        return division.value().startsWith(PROVINCE_PREFIX);
    }

    static boolean contains(GeoPoint point) {
        return PlausibleCoordinates.inHunan(point.latitude(), point.longitude());
    }

    /** The box, for a refusal's message. */
    static String extent() {
        return PlausibleCoordinates.extent();
    }
}

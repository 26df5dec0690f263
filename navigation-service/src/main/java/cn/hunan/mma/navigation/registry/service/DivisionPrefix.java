package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.value.DivisionCode;

/**
 * The code prefix shared by every division inside a division, for {@code LIKE 'prefix%'} queries:
 * 43 for the province 430000, 4303 for the city 430300, the code itself below.
 * (Mirrors {@link DivisionCode#isWithin}, which answers the same question for one code.)
 */
final class DivisionPrefix {

    private DivisionPrefix() {
    }

    static String of(DivisionCode division) {
        return switch (division.granularity()) {
            case PROVINCE -> division.value().substring(0, 2);
            case PREFECTURE -> division.value().substring(0, 4);
            default -> division.value();
        };
    }
}

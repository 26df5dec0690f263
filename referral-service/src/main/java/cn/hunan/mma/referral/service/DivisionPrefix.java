package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.value.DivisionCode;

/** The leading digits every division inside a province or city shares, for LIKE queries. */
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

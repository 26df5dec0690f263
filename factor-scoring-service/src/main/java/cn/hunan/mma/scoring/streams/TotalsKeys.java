package cn.hunan.mma.scoring.streams;

/** Store keys of the totals: "SCOPE|month", e.g. "COUNTY:430321|2025-03". */
final class TotalsKeys {

    static final char SEPARATOR = '|';

    private TotalsKeys() {
    }

    static String of(String scope, String month) {
        return scope + SEPARATOR + month;
    }
}

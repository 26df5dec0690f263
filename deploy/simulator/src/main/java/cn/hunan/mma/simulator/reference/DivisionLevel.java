package cn.hunan.mma.simulator.reference;

import java.util.Locale;

/** How fine an administrative division is, as the reference files name it. */
public enum DivisionLevel {
    PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE;

    static DivisionLevel of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

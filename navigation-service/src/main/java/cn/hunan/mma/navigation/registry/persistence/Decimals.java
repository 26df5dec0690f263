package cn.hunan.mma.navigation.registry.persistence;

import java.math.BigDecimal;

/** Comparisons of optional decimals by value: 112.90 read back from PostgreSQL equals 112.9 published. */
final class Decimals {

    private Decimals() {
    }

    static boolean sameValue(BigDecimal stored, BigDecimal published) {
        if (stored == null || published == null) {
            return stored == published;
        }
        return stored.compareTo(published) == 0;
    }
}

package cn.hunan.mma.events.scoring;

import cn.hunan.mma.events.value.Checks;

import java.math.BigDecimal;

/** The form every score takes: 0–100 with exactly two decimals. */
final class Scores {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scores() {
    }

    static BigDecimal percentage(BigDecimal score, String field) {
        BigDecimal scaled = Checks.scaled(score, field, 2);
        return Checks.between(scaled, field, BigDecimal.ZERO, HUNDRED);
    }
}

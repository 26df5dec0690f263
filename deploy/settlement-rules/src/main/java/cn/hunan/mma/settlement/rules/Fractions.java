package cn.hunan.mma.settlement.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Checks and exact arithmetic for the ratios of the settlement rules (growth, shares, thresholds).
 * Money is always rounded to the fen with {@link #MONEY_ROUNDING}; intermediate quotients keep
 * {@link #QUOTIENT} precision so that rounding happens once, at the fen.
 */
public final class Fractions {

    /** Half-up, as the fund's settlement statements round to the fen. */
    public static final RoundingMode MONEY_ROUNDING = RoundingMode.HALF_UP;

    /** 34 significant digits: far beyond a fen of any provincial budget. */
    public static final MathContext QUOTIENT = MathContext.DECIMAL128;

    private Fractions() {
    }

    /** A share or rate in [0, 1]. */
    public static BigDecimal fraction(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value.toPlainString());
        }
        return value;
    }

    public static BigDecimal nonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    public static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
        return value;
    }

    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, QUOTIENT);
    }
}

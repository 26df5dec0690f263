package cn.hunan.mma.events.value;

import java.math.BigDecimal;
import java.util.List;

/** Compact-constructor checks shared by every contract record; each names the field it guards. */
public final class Checks {

    private Checks() {
    }

    /** The calendar years the contract carries: a settlement or budget year such as 2025. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2999;

    public static int calendarYear(int value, String field) {
        require(value >= FIRST_YEAR && value <= LAST_YEAR, field, field + " must be a calendar year such as 2025");
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw ContractViolation.missing(field);
        }
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw ContractViolation.invalid(field, field + " must not be negative");
        }
        return value;
    }

    /** Free text such as a name or a version label: present, not blank, bounded. */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank() || value.length() > maxLength) {
            throw ContractViolation.invalid(field, field + " must be non-blank text of at most " + maxLength + " characters");
        }
        // A NUL cannot be stored in PostgreSQL text: a service storing it answered 500 (since 2026-11-25 (4)). Other
        // control characters were accepted before and may be stored (a vertical tab pasted from a word processor):
        // refusing them now would refuse what was accepted, and a registry holding one could not load its matrix.
        if (value.indexOf('\u0000') >= 0) {
            throw ContractViolation.invalid(field, field + " must not hold a NUL character");
        }
        return value;
    }

    /** One line of text (a reference, a name): as {@link #text}, without line breaks. */
    public static String line(String value, String field, int maxLength) {
        text(value, field, maxLength);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw ContractViolation.invalid(field, field + " must be a single line");
        }
        return value;
    }

    /** Optional free text: absent is fine, present must satisfy {@link #text}. */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : text(value, field, maxLength);
    }

    /** An immutable copy of a required list; null elements are refused with their index. */
    public static <T> List<T> list(List<T> values, String field) {
        present(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw ContractViolation.missing(field + "[" + i + "]");
            }
        }
        return List.copyOf(values);
    }

    /** Decimal places a bounded decimal may have: far more than any figure needs, far fewer than a writer refuses. */
    private static final int MAX_BOUNDED_SCALE = 100;

    /** No figure in the contract needs more integer or decimal digits than this. */
    private static final int MAX_DIGITS = 18;

    /**
     * The decimal at exactly the given scale. Fewer digits are padded ({@code 92.5} → {@code 92.50});
     * more are refused, because rounding them away would change the stated fact.
     */
    public static BigDecimal scaled(BigDecimal value, String field, int scale) {
        present(value, field);
        if (value.scale() == scale) {
            return value;
        }
        // Checked before any arithmetic: "1e600000000" parses in microseconds but rescaling it would
        // build a number with 600 million digits and stall the consumer.
        if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
            throw ContractViolation.invalid(field, field + " is out of range");
        }
        try {
            return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw ContractViolation.invalid(field, field + " must have at most " + scale + " decimal places");
        }
    }

    public static BigDecimal between(BigDecimal value, String field, BigDecimal min, BigDecimal max) {
        present(value, field);
        if (value.scale() > MAX_BOUNDED_SCALE) {
            // 1e-10000 lies between any bounds around zero, and no encoder writes it out plainly (a 500 where one tried).
            // The bound is far beyond any figure ever stated, so nothing accepted before is refused.
            throw ContractViolation.invalid(field, field + " must have at most " + MAX_BOUNDED_SCALE + " decimal places");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ContractViolation.invalid(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw ContractViolation.invalid(field, message);
        }
    }
}

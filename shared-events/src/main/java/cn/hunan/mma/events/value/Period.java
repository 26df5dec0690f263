package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * A reporting or assessment period in China Standard Time: a month ("2025-03"), a half year
 * ("2025-H1"; pilots are assessed at mid-year and year-end) or a year ("2025").
 *
 * @param kind  month, half year or year
 * @param year  the calendar year
 * @param index the month (1–12), the half (1–2), or 0 for a year
 */
public record Period(Kind kind, int year, int index) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String PATTERN = "^[1-9][0-9]{3}(-(0[1-9]|1[0-2]|H[12]))?$";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    public enum Kind { MONTH, HALF_YEAR, YEAR }

    public Period {
        Checks.present(kind, "period kind");
        int maxIndex = switch (kind) {
            case MONTH -> 12;
            case HALF_YEAR -> 2;
            case YEAR -> 0;
        };
        boolean indexOk = kind == Kind.YEAR ? index == 0 : index >= 1 && index <= maxIndex;
        if (year < 1000 || year > 9999 || !indexOk) {
            throw ContractViolation.invalid(null, "period must be a month (2025-03), a half year (2025-H1) or a year (2025)");
        }
    }

    public static Period month(int year, int month) {
        return new Period(Kind.MONTH, year, month);
    }

    public static Period halfYear(int year, int half) {
        return new Period(Kind.HALF_YEAR, year, half);
    }

    public static Period ofYear(int year) {
        return new Period(Kind.YEAR, year, 0);
    }

    /** The period of the given kind that contains the instant, in China Standard Time. */
    public static Period containing(Instant instant, Kind kind) {
        ZonedDateTime local = instant.atZone(ZONE);
        Period month = month(local.getYear(), local.getMonthValue());
        return switch (kind) {
            case MONTH -> month;
            case HALF_YEAR -> month.enclosingHalfYear();
            case YEAR -> month.enclosingYear();
        };
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Period parse(String text) {
        if (text == null) {
            throw ContractViolation.missing("period");
        }
        if (!FORM.matcher(text).matches()) {
            throw ContractViolation.invalid(null, "period must be a month (2025-03), a half year (2025-H1) or a year (2025)");
        }
        int year = Integer.parseInt(text.substring(0, 4));
        if (text.length() == 4) {
            return ofYear(year);
        }
        return text.charAt(5) == 'H'
                ? halfYear(year, text.charAt(6) - '0')
                : month(year, Integer.parseInt(text.substring(5)));
    }

    /** The half year this period falls in; a year has none. */
    public Period enclosingHalfYear() {
        return switch (kind) {
            case MONTH -> halfYear(year, index <= 6 ? 1 : 2);
            case HALF_YEAR -> this;
            case YEAR -> throw new IllegalStateException("a year is not inside a half year");
        };
    }

    public Period enclosingYear() {
        return ofYear(year);
    }

    /** Midnight China Standard Time on the first day of the period. */
    public Instant start() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** The start of the next period: periods are half-open, [start, end). */
    public Instant end() {
        LocalDate first = firstDay();
        LocalDate next = switch (kind) {
            case MONTH -> first.plusMonths(1);
            case HALF_YEAR -> first.plusMonths(6);
            case YEAR -> first.plusYears(1);
        };
        return next.atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** True when every instant of the other period lies in this one. */
    public boolean encloses(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    private LocalDate firstDay() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case HALF_YEAR -> LocalDate.of(year, index == 1 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The wire form: "2025-03", "2025-H1" or "2025". */
    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}

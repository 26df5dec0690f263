package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;

import java.time.Instant;

/**
 * Months as small integers ({@code year × 12 + month − 1}), the unit running totals are kept in;
 * half years and years are sums of their months. Months are China Standard Time, as {@link Period}
 * defines them.
 */
final class Months {

    // Events come roughly in time order: remember the last month's bounds instead of converting
    // every instant to a zoned date-time. Not thread-safe, like the whole oracle.
    private Instant cachedStart = Instant.MAX;
    private Instant cachedEnd = Instant.MIN;
    private int cachedMonth;

    /** The month the instant falls in. */
    int of(Instant instant) {
        if (instant.isBefore(cachedStart) || !instant.isBefore(cachedEnd)) {
            Period month = Period.containing(instant, Period.Kind.MONTH);
            cachedStart = month.start();
            cachedEnd = month.end();
            cachedMonth = month.year() * 12 + month.index() - 1;
        }
        return cachedMonth;
    }

    static Period period(int month) {
        return Period.month(month / 12, month % 12 + 1);
    }

    /** The first month of the period. */
    static int first(Period period) {
        return switch (period.kind()) {
            case MONTH -> period.year() * 12 + period.index() - 1;
            case HALF_YEAR -> period.year() * 12 + (period.index() - 1) * 6;
            case YEAR -> period.year() * 12;
        };
    }

    /** The last month of the period, inclusive. */
    static int last(Period period) {
        return switch (period.kind()) {
            case MONTH -> first(period);
            case HALF_YEAR -> first(period) + 5;
            case YEAR -> first(period) + 11;
        };
    }
}

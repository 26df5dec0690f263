package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.value.Period;

/**
 * The period an IMPROVEMENT indicator's value is compared with. The indicator's target is a change over the distance
 * between the two: a target set per year (DOMAIN §6: downward referrals growing ≥ 10 % a year) needs the same period a
 * year before, so that a month, a half year and a year are each held to 10 % — against the previous month a month
 * would have to grow 10 % every month (≈ 214 % a year).
 */
public enum Baseline {

    /** The period just before: the previous month, half year or year. */
    PREVIOUS_PERIOD {
        @Override
        public Period before(Period period) {
            return switch (period.kind()) {
                case MONTH -> period.index() == 1 ? Period.month(period.year() - 1, 12) : Period.month(period.year(), period.index() - 1);
                case HALF_YEAR -> period.index() == 1 ? Period.halfYear(period.year() - 1, 2) : Period.halfYear(period.year(), 1);
                case YEAR -> Period.ofYear(period.year() - 1);
            };
        }

        @Override
        public Period after(Period period) {
            return switch (period.kind()) {
                case MONTH -> period.index() == 12 ? Period.month(period.year() + 1, 1) : Period.month(period.year(), period.index() + 1);
                case HALF_YEAR -> period.index() == 2 ? Period.halfYear(period.year() + 1, 1) : Period.halfYear(period.year(), 2);
                case YEAR -> Period.ofYear(period.year() + 1);
            };
        }
    },

    /** The same month, half year or year of the year before (同比): the change is a year's, whatever the period. */
    SAME_PERIOD_A_YEAR_BEFORE {
        @Override
        public Period before(Period period) {
            return new Period(period.kind(), period.year() - 1, period.index());
        }

        @Override
        public Period after(Period period) {
            return new Period(period.kind(), period.year() + 1, period.index());
        }
    };

    /** The period {@code period}'s value is compared with. */
    public abstract Period before(Period period);

    /** The period whose value is compared with {@code period}'s: the inverse of {@link #before}. */
    public abstract Period after(Period period);
}

package cn.hunan.mma.scoring.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A half year's or a year's totals from its months' (a month's are its own). Counts and amounts add up; a point-in-time
 * measure ({@link MeasureDefinition#latestMonthOf()}: staff, seconded physicians) does not — six monthly reports of 30
 * staff are 30 staff, not 180 — so it takes its value from the latest month in which its reference count (the reports)
 * is non-zero. Support reports count in the last month of the period they report on, so that month holds every
 * institution's report for the period, whether it reports monthly, half-yearly or yearly; and a report stating 0 in that
 * month gives 0, not the month before's figure (totals drop zero values, so the reference count, not the measure's own
 * presence, finds the month).
 */
public final class PeriodTotals {

    private PeriodTotals() {
    }

    /** @param months the period's months' totals, earliest first ({@link Totals#EMPTY} for a month without) */
    public static Totals of(RuleSet rules, List<Totals> months) {
        Totals sum = sum(months);
        if (months.size() <= 1) {
            return sum;
        }
        Map<String, Long> values = new TreeMap<>(sum.values());
        for (MeasureDefinition measure : rules.measures()) {
            if (measure.pointInTime()) {
                values.put(measure.id(), latest(measure, months));
            }
        }
        values.values().removeIf(value -> value == 0L);
        return new Totals(values);
    }

    /** Every measure added up over the months, whatever it measures: for amounts such as the fund spend. */
    public static Totals sum(List<Totals> months) {
        Totals sum = Totals.EMPTY;
        for (Totals month : months) {
            sum = sum.plus(month);
        }
        return sum;
    }

    private static long latest(MeasureDefinition measure, List<Totals> months) {
        for (int i = months.size() - 1; i >= 0; i--) {
            if (months.get(i).of(measure.latestMonthOf()) != 0) {
                return months.get(i).of(measure.id());
            }
        }
        return 0;
    }
}

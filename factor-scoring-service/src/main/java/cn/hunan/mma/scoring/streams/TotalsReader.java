package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Baseline;
import cn.hunan.mma.scoring.domain.PeriodTotals;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.Totals;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a scope's totals for any period from the monthly store: half years and years are made of months — summed, or,
 * as a rule set scores them, with point-in-time measures taken from the latest month ({@link PeriodTotals}).
 */
public final class TotalsReader {

    private final Function<String, MonthTotals> store;

    public TotalsReader(ReadOnlyKeyValueStore<String, MonthTotals> store) {
        this.store = store::get;
    }

    private TotalsReader(Function<String, MonthTotals> store) {
        this.store = store;
    }

    /** The totals of this instance's tasks of a running application (interactive queries). */
    public static TotalsReader of(KafkaStreams streams) {
        return new TotalsReader(streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.TOTALS_STORE,
                QueryableStoreTypes.<String, MonthTotals>keyValueStore())));
    }

    /** @param store the month totals by {@link TotalsKeys} key, null where none (e.g. read from the changelog) */
    public static TotalsReader of(Function<String, MonthTotals> store) {
        return new TotalsReader(store);
    }

    /** Every measure of the period summed over its months: for amounts such as the fund spend. */
    public Totals totals(String scope, Period period) {
        return PeriodTotals.sum(monthTotals(scope, period));
    }

    /** The period's totals as the rule set scores them: point-in-time measures are not summed ({@link PeriodTotals}). */
    public Totals totals(String scope, Period period, RuleSet rules) {
        return PeriodTotals.of(rules, monthTotals(scope, period));
    }

    private List<Totals> monthTotals(String scope, Period period) {
        List<Totals> found = new ArrayList<>();
        for (Period month : months(period)) {
            MonthTotals totals = store.apply(TotalsKeys.of(scope, month.toString()));
            found.add(totals == null ? Totals.EMPTY : totals.totals());
        }
        return found;
    }

    /** Whether any month of the period has totals for the scope (stops at the first found). */
    public boolean hasAny(String scope, Period period) {
        for (Period month : months(period)) {
            if (store.apply(TotalsKeys.of(scope, month.toString())) != null) {
                return true;
            }
        }
        return false;
    }

    /** A bounded sample of the event ids behind the totals: the first and last few of each month. */
    public List<String> sampleEventIds(String scope, Period period) {
        Set<String> sample = new LinkedHashSet<>();
        for (Period month : months(period)) {
            MonthTotals found = store.apply(TotalsKeys.of(scope, month.toString()));
            if (found != null) {
                sample.addAll(found.firstEventIds());
                sample.addAll(found.lastEventIds());
            }
        }
        return List.copyOf(sample);
    }

    /**
     * The totals an IMPROVEMENT indicator of {@code period} compares with, by its {@link Baseline}; each earlier period
     * is read once however many indicators compare with it (a year's previous year is also the year a year before).
     */
    public Function<Baseline, Totals> baselines(String scope, Period period, RuleSet rules) {
        Map<Period, Totals> read = new HashMap<>();
        return baseline -> read.computeIfAbsent(baseline.before(period), earlier -> totals(scope, earlier, rules));
    }

    static List<Period> months(Period period) {
        List<Period> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            Period candidate = Period.month(period.year(), month);
            if (period.encloses(candidate)) {
                months.add(candidate);
            }
        }
        return months;
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Totals;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads a scope's totals for any period from the monthly store: half years and years are sums of months. */
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

    public Totals totals(String scope, Period period) {
        Totals sum = Totals.EMPTY;
        for (Period month : months(period)) {
            MonthTotals found = store.apply(TotalsKeys.of(scope, month.toString()));
            if (found != null) {
                sum = sum.plus(found.totals());
            }
        }
        return sum;
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

    /** The period before, for IMPROVEMENT indicators: the previous month, half year or year. */
    public static Period previous(Period period) {
        return switch (period.kind()) {
            case MONTH -> period.index() == 1 ? Period.month(period.year() - 1, 12) : Period.month(period.year(), period.index() - 1);
            case HALF_YEAR -> period.index() == 1 ? Period.halfYear(period.year() - 1, 2) : Period.halfYear(period.year(), 1);
            case YEAR -> Period.ofYear(period.year() - 1);
        };
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

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The oracle's answer for one event file: what happened to its lines, and every figure of every
 * scope and period. Figures are computed from the monthly totals when asked for, so a large
 * report costs no more memory than the totals themselves.
 */
public final class OracleReport {

    /** Years first, then their halves, then their months: the order the report lists periods in. */
    public static final Comparator<Period> PERIOD_ORDER = Comparator.comparingInt(Period::year)
            .thenComparing(Period::kind, Comparator.reverseOrder())
            .thenComparingInt(Period::index);

    private final String eventFileName;
    private final MatrixSummary matrix;
    private final DeliveryStats delivery;
    private final Scopes scopes;
    private final Counters counters;

    /** What the matrix directory held. */
    public record MatrixSummary(int institutions, int alliances, int catalogueEntries) {
    }

    OracleReport(String eventFileName, MatrixSummary matrix, DeliveryStats delivery, Scopes scopes, Counters counters) {
        this.eventFileName = eventFileName;
        this.matrix = matrix;
        this.delivery = delivery;
        this.scopes = scopes;
        this.counters = counters;
    }

    public String eventFileName() {
        return eventFileName;
    }

    public MatrixSummary matrix() {
        return matrix;
    }

    public DeliveryStats delivery() {
        return delivery;
    }

    /** Scopes with any total, broadest first (province, city, county, alliance, institution), then by id. */
    public List<Scope> scopes() {
        List<Scope> found = new ArrayList<>();
        for (int id = 0; id < scopes.size(); id++) {
            if (!counters.monthsOf(id).isEmpty()) {
                found.add(scopes.scope(id));
            }
        }
        Collections.sort(found);
        return found;
    }

    /** The months with totals for the scope, and the half years and years they make up. */
    public List<Period> periods(Scope scope) {
        int id = scopes.find(scope);
        SortedSet<Period> periods = new TreeSet<>(PERIOD_ORDER);
        if (id >= 0) {
            for (int month : counters.monthsOf(id)) {
                Period period = Months.period(month);
                periods.add(period);
                periods.add(period.enclosingHalfYear());
                periods.add(period.enclosingYear());
            }
        }
        return List.copyOf(periods);
    }

    /** The scope's non-zero figures for the period, in report order; empty when it had none. */
    public Map<String, FigureValue> figures(Scope scope, Period period) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        int id = scopes.find(scope);
        if (id < 0) {
            return figures;
        }
        long[] totals = counters.sum(id, Months.first(period), Months.last(period));
        for (Figure figure : Figures.ALL) {
            if (figure.appliesTo(scope.kind())) {
                FigureValue value = figure.valueOf(totals);
                if (value != null) {
                    figures.put(figure.name(), value);
                }
            }
        }
        return figures;
    }

    public Optional<FigureValue> figure(Scope scope, Period period, String name) {
        requireKnown(name);
        return Optional.ofNullable(figures(scope, period).get(name));
    }

    /** A count or number of days; 0 when the report leaves the figure out. */
    public long count(Scope scope, Period period, String name) {
        return figure(scope, period, name).map(value -> value.numerator().amount()).orElse(0L);
    }

    /** A sum of money; zero when the report leaves the figure out. */
    public Money money(Scope scope, Period period, String name) {
        return figure(scope, period, name).map(value -> value.numerator().toMoney()).orElse(Money.ZERO);
    }

    /** An indicator's ratio, or null when the figure is absent or its denominator is zero. */
    public BigDecimal ratio(Scope scope, Period period, String name) {
        return figure(scope, period, name).map(FigureValue::ratio).orElse(null);
    }

    private static void requireKnown(String name) {
        if (Figures.ALL.stream().noneMatch(figure -> figure.name().equals(name))) {
            throw new IllegalArgumentException("the report has no figure named " + name);
        }
    }
}

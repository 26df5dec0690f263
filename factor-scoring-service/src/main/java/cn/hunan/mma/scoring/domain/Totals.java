package cn.hunan.mma.scoring.domain;

import java.util.Map;
import java.util.TreeMap;

/** Running totals of measures for one scope and period (counts, days, or fen). Immutable. */
public record Totals(Map<String, Long> values) {

    public static final Totals EMPTY = new Totals(Map.of());

    public Totals {
        values = Map.copyOf(values);
    }

    public long of(String measureId) {
        return values.getOrDefault(measureId, 0L);
    }

    public Totals plus(Totals other) {
        Map<String, Long> sum = new TreeMap<>(values);
        other.values.forEach((measure, value) -> sum.merge(measure, value, Long::sum));
        sum.values().removeIf(value -> value == 0L);
        return new Totals(sum);
    }
}

package cn.hunan.mma.benchmark.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether two contenders ended with the same totals: every "SCOPE|month" key, every measure, exactly. Zero amounts
 * and keys left with nothing count as absent (the scorer's store keeps a key whose amounts went back to zero).
 */
public final class TotalsComparison {

    private TotalsComparison() {
    }

    /** Up to {@code limit} human-readable differences; empty when they agree. */
    public static List<String> differences(Map<String, Map<String, Long>> expected, Map<String, Map<String, Long>> actual, int limit) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(nonEmpty(expected));
        keys.addAll(nonEmpty(actual));
        for (String key : keys) {
            Map<String, Long> left = expected.getOrDefault(key, Map.of());
            Map<String, Long> right = actual.getOrDefault(key, Map.of());
            TreeSet<String> measures = new TreeSet<>(left.keySet());
            measures.addAll(right.keySet());
            for (String measure : measures) {
                long a = left.getOrDefault(measure, 0L);
                long b = right.getOrDefault(measure, 0L);
                if (a != b) {
                    if (out.size() == limit) {
                        out.add("…");
                        return out;
                    }
                    out.add(key + " " + measure + ": " + a + " vs " + b);
                }
            }
        }
        return out;
    }

    /** The sum of one measure over the keys of one scope kind, e.g. the province's visits: a line for the report. */
    public static long sum(Map<String, Map<String, Long>> totals, String keyPrefix, String measure) {
        return totals.entrySet().stream().filter(entry -> entry.getKey().startsWith(keyPrefix))
                .mapToLong(entry -> entry.getValue().getOrDefault(measure, 0L)).sum();
    }

    private static TreeSet<String> nonEmpty(Map<String, Map<String, Long>> totals) {
        TreeSet<String> keys = new TreeSet<>();
        totals.forEach((key, values) -> {
            if (values.values().stream().anyMatch(amount -> !Objects.equals(amount, 0L))) {
                keys.add(key);
            }
        });
        return keys;
    }
}

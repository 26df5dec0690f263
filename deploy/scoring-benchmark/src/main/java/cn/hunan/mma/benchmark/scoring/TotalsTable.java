package cn.hunan.mma.benchmark.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Running totals per "SCOPE|month" key, dense by measure position: the plain-Java pass's and the Flink job's aggregate. */
public final class TotalsTable {

    private final int measures;
    private final Map<String, long[]> byKey = new HashMap<>();

    public TotalsTable(int measures) {
        this.measures = measures;
    }

    public void add(String key, int[] positions, long[] amounts, int sign) {
        long[] dense = byKey.computeIfAbsent(key, k -> new long[measures]);
        for (int i = 0; i < positions.length; i++) {
            dense[positions[i]] += sign * amounts[i];
        }
    }

    /** Key → measure id → amount, zero amounts and empty keys left out: the form every contender's totals are compared in. */
    public Map<String, Map<String, Long>> canonical(List<String> measureIds) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        byKey.forEach((key, dense) -> {
            Map<String, Long> values = canonical(dense, measureIds);
            if (!values.isEmpty()) {
                out.put(key, values);
            }
        });
        return out;
    }

    static Map<String, Long> canonical(long[] dense, List<String> measureIds) {
        Map<String, Long> values = new TreeMap<>();
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                values.put(measureIds.get(i), dense[i]);
            }
        }
        return values;
    }
}

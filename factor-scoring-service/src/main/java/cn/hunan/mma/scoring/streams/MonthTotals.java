package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.scoring.domain.Totals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store value of one scope and month: running totals and a bounded lineage sample — the
 * first and the last {@value #SAMPLE} contributing event ids.
 */
public record MonthTotals(Map<String, Long> values, List<String> firstEventIds, List<String> lastEventIds) {

    static final int SAMPLE = 5;
    static final MonthTotals EMPTY = new MonthTotals(Map.of(), List.of(), List.of());

    MonthTotals plus(ScopeDelta delta) {
        List<String> first = new ArrayList<>(firstEventIds);
        List<String> last = new ArrayList<>(lastEventIds);
        for (String eventId : delta.eventIds()) {
            if (first.size() < SAMPLE) {
                first.add(eventId);
            } else {
                last.add(eventId);
                if (last.size() > SAMPLE) {
                    last.remove(0);
                }
            }
        }
        Map<String, Long> sum = new HashMap<>(values);
        delta.values().forEach((measure, amount) -> sum.merge(measure, amount, Long::sum));
        sum.values().removeIf(amount -> amount == 0L);
        return new MonthTotals(sum, first, last);
    }

    public Totals totals() {
        return new Totals(values);
    }
}

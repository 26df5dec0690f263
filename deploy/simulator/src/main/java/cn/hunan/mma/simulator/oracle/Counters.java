package cn.hunan.mma.simulator.oracle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The running totals: for each month and scope, one array of {@link Slots#WIDTH} longs, created
 * when the scope first has something in that month. Memory grows with scopes × months, not with
 * events.
 */
final class Counters {

    private final Map<Integer, long[][]> rowsByMonth = new HashMap<>();
    // Events come roughly in time order: most additions hit the month before, so skip the map then.
    private int cachedMonth;
    private long[][] cachedRows;

    /** The live totals of the scope in the month, for adding to. */
    long[] row(int scope, int month) {
        long[][] rows = rowsOf(month);
        if (scope >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(scope + 1, rows.length * 2));
            rowsByMonth.put(month, rows);
            cachedRows = rows;
        }
        long[] row = rows[scope];
        if (row == null) {
            row = new long[Slots.WIDTH];
            rows[scope] = row;
        }
        return row;
    }

    /** Adds the amount to one total of each of the scopes in the month. */
    void add(int[] scopes, int month, int slot, long amount) {
        for (int scope : scopes) {
            long[] row = row(scope, month);
            row[slot] = Math.addExact(row[slot], amount);
        }
    }

    private long[][] rowsOf(int month) {
        if (cachedRows == null || month != cachedMonth) {
            cachedRows = rowsByMonth.computeIfAbsent(month, created -> new long[64][]);
            cachedMonth = month;
        }
        return cachedRows;
    }

    /** The months in which the scope has totals, ascending. */
    SortedSet<Integer> monthsOf(int scope) {
        SortedSet<Integer> months = new TreeSet<>();
        rowsByMonth.forEach((month, rows) -> {
            if (scope < rows.length && rows[scope] != null) {
                months.add(month);
            }
        });
        return months;
    }

    /** The totals of the scope summed over the months from first to last inclusive (zeros when none). */
    long[] sum(int scope, int firstMonth, int lastMonth) {
        long[] sum = new long[Slots.WIDTH];
        for (int month = firstMonth; month <= lastMonth; month++) {
            long[][] rows = rowsByMonth.get(month);
            if (rows != null && scope < rows.length && rows[scope] != null) {
                long[] row = rows[scope];
                for (int slot = 0; slot < Slots.WIDTH; slot++) {
                    sum[slot] = Math.addExact(sum[slot], row[slot]);
                }
            }
        }
        return sum;
    }
}

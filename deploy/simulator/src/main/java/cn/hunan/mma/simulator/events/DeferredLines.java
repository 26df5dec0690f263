package cn.hunan.mma.simulator.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines a county's simulation has already written but that are delivered on a later day of the
 * run: discharges, later referral stages, late events, duplicates and corrections. Owned by one
 * county's simulation, which runs its days one after another, so it needs no locking.
 */
final class DeferredLines {

    private final List<List<Line>> byDay;

    DeferredLines(int days) {
        byDay = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            byDay.add(null);
        }
    }

    /** @return false when the day lies beyond the run: the line is never delivered */
    boolean add(int day, int secondOfDay, byte[] line) {
        if (day >= byDay.size()) {
            return false;
        }
        List<Line> lines = byDay.get(day);
        if (lines == null) {
            lines = new ArrayList<>();
            byDay.set(day, lines);
        }
        lines.add(new Line(secondOfDay, line));
        return true;
    }

    /** Moves the day's lines into its batch, in the order they were deferred; returns how many. */
    int drainInto(int day, LineBatch batch) {
        List<Line> lines = byDay.get(day);
        if (lines == null) {
            return 0;
        }
        for (Line line : lines) {
            batch.add(line.secondOfDay(), line.bytes(), 0, line.bytes().length);
        }
        byDay.set(day, null);
        return lines.size();
    }

    private record Line(int secondOfDay, byte[] bytes) {
    }
}

package cn.hunan.mma.simulator.output;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line text progress bar on stderr, redrawn at most twice a second:
 * {@code [#########...........]  45%  day 164/365  51,234,567 lines  512,345/s  ETA 6m40s}.
 * Drawn with carriage returns, so it belongs on a terminal's stderr, not in a log file.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final String step;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    /**
     * @param step what the work is counted in, e.g. "day"
     * @param unit what is produced, e.g. "lines"
     */
    public ProgressBar(PrintStream out, String step, String unit) {
        this.out = out;
        this.step = step;
        this.unit = unit;
    }

    /** A bar whose work and product are the same thing, e.g. records sent. */
    public ProgressBar(PrintStream out, String unit) {
        this(out, null, unit);
    }

    /**
     * @param done   units of work done (e.g. days), out of {@code total}
     * @param items  items produced so far (lines, records), for the rate
     */
    public void update(long done, long total, long items) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double fraction = total == 0 ? 1 : (double) done / total;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        long rate = Math.round(items / seconds);
        long etaSeconds = fraction <= 0 ? 0 : Math.round(seconds / fraction - seconds);
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String counts = step == null ? String.format("%,d/%,d %s", done, total, unit)
                : String.format("%s %d/%d  %,d %s", step, done, total, items, unit);
        out.printf("\r[%s] %3d%%  %s  %,d/s  ETA %s   ", bar, Math.round(fraction * 100), counts, rate,
                format(Duration.ofSeconds(etaSeconds)));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    public void finish() {
        if (drawn) {
            out.println();
        }
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}

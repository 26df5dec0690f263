package cn.hunan.mma.benchmark.support;

import java.util.List;

/** The target lines as a fixed-width table (and as Markdown for the README). */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String text(List<TargetLine> lines) {
        StringBuilder out = new StringBuilder();
        String format = "%-34s %-12s %-16s %s%n";
        out.append(String.format(format, "target", "goal", "measured", "verdict"));
        for (TargetLine line : lines) {
            out.append(String.format(format, line.what(), line.target(), line.measured(), line.verdict()));
        }
        return out.toString();
    }
}

package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.benchmark.support.TargetLine;
import cn.hunan.mma.benchmark.support.TargetLine.Verdict;

import java.util.List;

/** Issue 8's targets for this machine, judged from the measured figures. */
final class Targets {

    static final double EVENTS_PER_SECOND = 150_000;
    static final double RATIO_TO_FLINK = 1.5;
    static final double P99_MILLIS = 150;
    static final double HUNAN_YEAR_MINUTES = 30;

    private Targets() {
    }

    static List<TargetLine> judge(ContenderResult scorer, ContenderResult flink, double scorerP99Millis) {
        double ratio = flink == null ? Double.NaN : scorer.eventsPerSecond() / flink.eventsPerSecond();
        return List.of(
                atLeast("(a) events/s", EVENTS_PER_SECOND, scorer.eventsPerSecond(), "%,.0f"),
                atLeast("(a) ÷ (c) events/s", RATIO_TO_FLINK, ratio, "%.2f×"),
                TargetLine.atMost("(a) p99 event→totals at 1,000/s", P99_MILLIS, round(scorerP99Millis), "ms"),
                TargetLine.atMost("(a) Hunan-year replay", HUNAN_YEAR_MINUTES, round(scorer.hunanYearMinutes()), "min"));
    }

    static TargetLine atLeast(String what, double goal, double measured, String format) {
        String target = "≥ " + String.format(format, goal);
        if (Double.isNaN(measured)) {
            return new TargetLine(what, target, "n/a", Verdict.NOT_MEASURED);
        }
        return new TargetLine(what, target, String.format(format, measured), measured >= goal ? Verdict.PASS : Verdict.MISS);
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }
}

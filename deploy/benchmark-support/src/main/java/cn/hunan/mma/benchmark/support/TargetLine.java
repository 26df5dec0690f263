package cn.hunan.mma.benchmark.support;

/** One line of the summary: a target, what was measured, and whether the target was met. */
public record TargetLine(String what, String target, String measured, Verdict verdict) {

    public enum Verdict { PASS, MISS, NOT_MEASURED }

    public static TargetLine atMost(String what, double limit, double measured, String unit) {
        String target = "≤ " + format(limit) + " " + unit;
        if (Double.isNaN(measured)) {
            return new TargetLine(what, target, "n/a", Verdict.NOT_MEASURED);
        }
        return new TargetLine(what, target, format(measured) + " " + unit, measured <= limit ? Verdict.PASS : Verdict.MISS);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value) : String.format("%,.2f", value);
    }
}

package cn.hunan.mma.benchmark.support;

import org.HdrHistogram.Histogram;

/** Percentiles of a histogram recorded in microseconds, in milliseconds. */
public record LatencySummary(long count, double p50Millis, double p99Millis, double p999Millis, double maxMillis) {

    public static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}

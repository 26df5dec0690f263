package cn.hunan.mma.benchmark.report;

import cn.hunan.mma.benchmark.support.ProcessMemory;
import cn.hunan.mma.benchmark.support.SummaryTable;
import cn.hunan.mma.benchmark.support.TargetLine;
import cn.hunan.mma.benchmark.support.LatencySummary;
import cn.hunan.mma.benchmark.capacity.CapacityPublisher;
import cn.hunan.mma.benchmark.capacity.FreshnessProber;
import cn.hunan.mma.benchmark.load.LoadResult;
import cn.hunan.mma.benchmark.load.Outcome;

import java.util.List;
import java.util.Optional;

/**
 * Everything one run measured, and the targets on this machine: p99 ≤ 10 ms, 0 errors,
 * capacity visible ≤ 1 s, RSS ≤ 512 MB. Latency counts every measured request, failed ones at the
 * moment they failed; 429s are shown apart and are not successes.
 *
 * @param peakRssKib    {@code VmHWM} over the measured window (reset at its start when the kernel allows)
 * @param lifetimeHwmKib {@code VmHWM} since the service started, read before the reset (includes the import)
 */
public record BenchmarkReport(LoadResult load, FreshnessProber.Result freshness, CapacityPublisher.Tally capacity,
                              double capacityRate, long maxSampledRssKib, Optional<ProcessMemory> atEnd,
                              long lifetimeHwmKib, boolean peakReset) {

    public static final double P99_TARGET_MILLIS = 10;
    public static final double FRESHNESS_TARGET_MILLIS = 1000;
    public static final double RSS_TARGET_MIB = 512;

    public List<TargetLine> targets() {
        LatencySummary latency = LatencySummary.ofMicros(load.latency());
        LatencySummary lag = LatencySummary.ofMicros(freshness.lagMicros());
        double freshnessWorst = freshness.invisible() > 0 ? Double.POSITIVE_INFINITY : lag.p99Millis();
        return List.of(
                TargetLine.atMost("recommendation p99 latency", P99_TARGET_MILLIS, latency.p99Millis(), "ms"),
                TargetLine.atMost("errors (non-2xx, timeouts)", 0, load.errors() + load.count(Outcome.RATE_LIMITED), ""),
                TargetLine.atMost("capacity visible, p99", FRESHNESS_TARGET_MILLIS, freshnessWorst, "ms"),
                TargetLine.atMost("service RSS peak (VmHWM)", RSS_TARGET_MIB, peakRssMib(), "MiB"));
    }

    public double peakRssMib() {
        long window = peakReset ? atEnd.map(ProcessMemory::peakRssKib).orElse(0L) : maxSampledRssKib;
        return Math.max(window, maxSampledRssKib) / 1024.0;
    }

    public String text() {
        LatencySummary latency = LatencySummary.ofMicros(load.latency());
        LatencySummary lag = LatencySummary.ofMicros(freshness.lagMicros());
        StringBuilder out = new StringBuilder();
        long ok = load.count(Outcome.OK);
        out.append(String.format("%nRecommendations: %,d requests scheduled at %,.0f/s over %.0f s; %,d ended, %,d with 2xx (%,.0f/s achieved)%n",
                load.sent(), load.rate(), load.measuredSeconds(), load.completed(), ok, ok / load.measuredSeconds()));
        out.append(String.format("  latency from intended send: p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                latency.p50Millis(), latency.p99Millis(), latency.p999Millis(), latency.maxMillis()));
        out.append("  outcomes: ").append(load.outcomes()).append(String.format(
                "%n  2xx answers: mean %,d bytes, %,d with no candidates; generator's worst send lag %.1f ms%n",
                load.meanBodyBytes(), load.emptyRankings(), load.maxSendLagMicros() / 1000.0));
        out.append(String.format("Capacity events: %,d background at %,.0f/s + probes; %,d acknowledged, %,d failed%s; worst send lag %.1f ms%n",
                capacity.backgroundSent(), capacityRate, capacity.acknowledged(), capacity.failed(),
                capacity.firstFailure().isEmpty() ? "" : " (" + capacity.firstFailure() + ")", capacity.maxSendLagMillis()));
        out.append(String.format("  freshness (send → visible in the capacity API), %,d probes: p50 %.0f ms  p99 %.0f ms  max %.0f ms;"
                        + " not visible in time %,d; poll errors %,d%n",
                lag.count(), lag.p50Millis(), lag.p99Millis(), lag.maxMillis(), freshness.invisible(), freshness.pollErrors()));
        out.append(String.format("Service memory: VmRSS max sampled %.0f MiB, at end %s; VmHWM %s %.0f MiB; since start (incl. import) %.0f MiB%n",
                maxSampledRssKib / 1024.0, atEnd.map(m -> String.format("%.0f MiB", m.rssMib())).orElse("n/a"),
                peakReset ? "over the window" : "(could not reset; max sample used)", peakRssMib(), lifetimeHwmKib / 1024.0));
        out.append('\n').append(SummaryTable.text(targets()));
        return out.toString();
    }
}

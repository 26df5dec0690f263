package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.benchmark.support.Benchmarks;
import cn.hunan.mma.benchmark.support.SummaryTable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The run's figures: one line per contender, the latency runs, the extrapolation and the target table. */
record Report(String startedAt, String area, String from, int days, long lines, Duration emitInterval, Map<String, String> streams,
              double rate, double latencySeconds, Map<String, ContenderResult> results, Map<String, LatencyRun.Result> latencies,
              boolean agree) {

    void print() {
        System.out.println();
        System.out.printf("== scoring benchmark: %s, %s + %d days, %,d lines; started %s, ended %s; load average %s ==%n", area, from, days,
                lines, startedAt, Instant.now(), Benchmarks.loadAverage());
        System.out.printf("scorer: the service's Kafka Streams settings%s, emit interval %s; CPU = the contender JVM's process CPU time%n",
                streams.isEmpty() ? "" : " with " + streams, emitInterval);
        System.out.println();
        String format = "| %-36s | %9s | %10s | %9s | %13s | %12s | %9s | %9s | %s |%n";
        System.out.printf(format, "contender", "wall s", "events/s", "CPU s", "CPU-s / M ev", "Hunan-year", "p50 ms", "p99 ms", "latency samples");
        System.out.printf(format, "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---");
        results.forEach((key, result) -> {
            LatencyRun.Result latency = latencies.get(key);
            System.out.printf(format, result.label(), String.format("%.1f", result.wallSeconds()), String.format("%,.0f", result.eventsPerSecond()),
                    String.format("%.1f", result.cpuSeconds()), String.format("%.1f", result.cpuSecondsPerMillion()),
                    hours(result.hunanYearMinutes()),
                    latency == null ? "" : String.format("%.0f", latency.latency().p50Millis()),
                    latency == null ? "" : String.format("%.0f", latency.latency().p99Millis()),
                    latency == null ? "" : String.format("%,d of %,d sent (max %.0f ms)", latency.sampled(), latency.measuredSent(),
                            latency.latency().maxMillis()));
        });
        System.out.println();
        System.out.printf("totals check: %s%n", agree ? "all contenders AGREE on every scope × month × measure" : "contenders DIFFER (see above)");
        System.out.printf("latency: offered %,.0f events/s open loop for %.0f s after the warm-up; event due → first totals record naming it%n",
                rate, latencySeconds);
        System.out.println("Hunan-year: 320 M events ÷ events/s (an extrapolation, not a replay)");
        System.out.println();
        System.out.print(SummaryTable.text(ScoringBenchmark.targets(results, latencies)));
    }

    private static String hours(double minutes) {
        return minutes < 120 ? String.format("%.0f min", minutes) : String.format("%.1f h", minutes / 60);
    }
}

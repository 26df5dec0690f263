package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.CpuSplit;
import cn.hunan.mma.benchmark.support.LatencySummary;
import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import cn.hunan.mma.benchmark.support.PostgresStatements;
import cn.hunan.mma.benchmark.support.SummaryTable;
import cn.hunan.mma.benchmark.support.TargetLine;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/** The figures of a run and the §7 target table. */
record ReferralReport(OpenLoopSchedule schedule, CallRecorder calls, ExpectedEvents expected, DeliveryCheck delivery,
                      Histogram relayLagMicros, Histogram consumedLagMicros, long recordsWithoutHeaders, long maxRssKib,
                      CpuSplit.Window cpu, List<PostgresStatements.Figures> statements, String loadBefore,
                      String loadAfter) {

    /** The processes of the CPU split (CpuSplit, benchmark-support), as the report names them. */
    static final String SERVICE = "referral-service";
    static final String HARNESS = "harness (load generator, topic reader)";
    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka broker";

    static final double API_P99_MILLIS = 50;
    static final double RELAY_P99_MILLIS = 1000;
    private static final int TOP_STATEMENTS = 10;

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nreferral flows: %,d measured at %,.0f/s over %.0f s (%,d warm-up rising from %,.0f/s); load average %s"
                        + " before, %s after%n", schedule.measuredRequests(), schedule.perSecond(), schedule.measuredSeconds(),
                schedule.warmupRequests(), schedule.warmupPerSecond(), loadBefore, loadAfter));
        out.append(String.format("%-10s %9s %9s %9s %9s %9s%n", "API call", "calls", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (CallType type : CallType.values()) {
            out.append(line(type.label(), calls.calls(type), calls.summary(type)));
        }
        out.append(line("all", calls.calls(), calls.overall()));
        out.append("(create timed from its open-loop due time; accept and schedule from their send, each after the answer before)\n");
        out.append(calls.worstPerSecond().line("worst call (ms) per second of the measured window")).append('\n');
        out.append(String.format("errors: %,d%n", calls.failureCount()));
        for (Map.Entry<String, Long> failure : calls.failures().entrySet()) {
            out.append(String.format("  %-40s %,d%n", failure.getKey(), failure.getValue()));
        }
        LatencySummary relay = LatencySummary.ofMicros(relayLagMicros);
        LatencySummary consumed = LatencySummary.ofMicros(consumedLagMicros);
        out.append(String.format("outbox → Kafka lag (record timestamp − ce_time, i.e. the outbox row's occurred_at): "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d events%n", relay.p50Millis(), relay.p99Millis(),
                relay.maxMillis(), relay.count()));
        out.append(String.format("occurred → this consumer's poll: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                consumed.p50Millis(), consumed.p99Millis(), consumed.maxMillis()));
        out.append(String.format("count check (all %,d referrals created, warm-up included): %,d events expected, %,d delivered,"
                        + " %,d lost, %,d doubled, %,d unexpected; %,d raw records, %,d redelivered; %s%n",
                expected.referrals(), delivery.expected(), delivery.delivered(), delivery.lost(), delivery.doubled(),
                delivery.unexpected(), delivery.rawRecords(), delivery.redelivered(), delivery.passed() ? "PASS" : "FAIL"));
        if (recordsWithoutHeaders > 0) {
            out.append(String.format("records without CloudEvents headers: %,d%n", recordsWithoutHeaders));
        }
        long serviceCpuMillis = cpu.cpuMillis().getOrDefault(SERVICE, -1L);
        if (serviceCpuMillis >= 0 && calls.answered() > 0) {
            out.append(String.format("service CPU in the measured window: %.1f s, %.2f ms per answered call (%,d answered;"
                            + " × 3 for a whole create → accept → schedule flow)%n",
                    serviceCpuMillis / 1000.0, (double) serviceCpuMillis / calls.answered(), calls.answered()));
        }
        out.append(cpuSplit());
        out.append(statementTable());
        out.append(String.format("service max RSS during the run: %.0f MiB%n%n", maxRssKib / 1024.0));
        out.append(SummaryTable.text(targets()));
        return out.toString();
    }

    List<TargetLine> targets() {
        return List.of(
                TargetLine.atMost("API p99 (all calls)", API_P99_MILLIS, calls.overall().p99Millis(), "ms"),
                TargetLine.atMost("outbox → Kafka p99", RELAY_P99_MILLIS, LatencySummary.ofMicros(relayLagMicros).p99Millis(), "ms"),
                TargetLine.atMost("events lost", 0, delivery.lost(), "events"),
                TargetLine.atMost("events doubled or unexpected", 0, delivery.doubled() + delivery.unexpected(), "events"));
    }

    /** Each tracked process's CPU in the measured window: seconds, cores, share of the total, per answered call. */
    String cpuSplit() {
        StringBuilder out = new StringBuilder(String.format("CPU in the measured window (%.1f s wall; from /proc: the service"
                + " and this JVM as processes, PostgreSQL and Kafka as process trees):%n", cpu.wallSeconds()));
        long total = cpu.total();
        cpu.cpuMillis().forEach((name, millis) -> out.append(millis < 0
                ? String.format("  %-40s unreadable%n", name)
                : String.format("  %-40s %7.1f s  %5.2f cores  %5.1f %%  %6.3f ms per answered call%n", name, millis / 1000.0,
                        cpu.cores(name), total == 0 ? 0 : 100.0 * millis / total,
                        calls.answered() == 0 ? 0 : (double) millis / calls.answered())));
        out.append(String.format("  %-40s %7.1f s  %5.2f cores%n", "all four", total / 1000.0, total / 1000.0 / cpu.wallSeconds()));
        return out.toString();
    }

    /** PostgreSQL's executor time in the measured window (pg_stat_statements): the total, and the ten largest statements. */
    String statementTable() {
        if (statements.isEmpty()) {
            return "";
        }
        double executorMillis = statements.stream().mapToDouble(PostgresStatements.Figures::totalExecMillis).sum();
        return String.format("PostgreSQL executor time in the measured window (pg_stat_statements; executor only, not parse,"
                        + " bind or round trips): %.1f s over %d statements, %.3f ms per answered call; the largest:%n",
                executorMillis / 1000, statements.size(), calls.answered() == 0 ? 0 : executorMillis / calls.answered())
                + PostgresStatements.table(statements.subList(0, Math.min(TOP_STATEMENTS, statements.size())), 90);
    }

    private static String line(String label, long count, LatencySummary summary) {
        return String.format("%-10s %,9d %9.1f %9.1f %9.1f %9.1f%n", label, count, summary.p50Millis(), summary.p99Millis(),
                summary.p999Millis(), summary.maxMillis());
    }
}

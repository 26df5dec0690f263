package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.CpuSplit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the whole box's CPU went while the service drained the backlog (readiness → the last
 * {@code CaseSettled} published, the window of {@link ServiceCpu}): the service JVM, PostgreSQL
 * (the postmaster's tree: backends, checkpointer…, with its walsender — the outbox relay's logical
 * replication — on its own), the Kafka broker and the harness, per case published after readiness.
 * Everything shares the box's CPUs, so their sum per case sets a ceiling on cases per second
 * whatever the service's parallelism: {@code CPUs × 1,000,000 / µs per case}.
 */
record DrainCpu(CpuSplit.Window window, long cases, int processors, long boxBusyMillis) {

    static final String SERVICE = "service";
    static final String POSTGRES = "PostgreSQL";
    static final String WALSENDER = "walsender";
    static final String KAFKA = "Kafka broker";
    static final String HARNESS = "harness";

    /** PostgreSQL names each walsender process "postgres: walsender <user> <host> …" (a cluster name would come first). */
    static final Predicate<String> IS_WALSENDER = commandLine -> commandLine.startsWith("postgres:") && commandLine.contains("walsender");

    /** The four processes as {@link #line} names them; PostgreSQL in two parts that add up to its tree. */
    static CpuSplit split(long servicePid, long postmasterPid, long brokerPid) {
        return new CpuSplit().trackProcess(SERVICE, servicePid)
                .trackTreeExcept(POSTGRES, postmasterPid, IS_WALSENDER).trackDescendants(WALSENDER, postmasterPid, IS_WALSENDER)
                .trackTree(KAFKA, brokerPid).trackProcess(HARNESS, ProcessHandle.current().pid());
    }

    /** µs of {@code name}'s CPU per case; NaN when unreadable. */
    double micros(String name) {
        long millis = window.cpuMillis().getOrDefault(name, -1L);
        return millis < 0 ? Double.NaN : millis * 1000.0 / cases;
    }

    /** PostgreSQL's whole tree, walsender included. */
    double postgresMicros() {
        return micros(POSTGRES) + micros(WALSENDER);
    }

    /** All tracked processes' CPU per case (the readable ones). */
    double totalMicros() {
        return window.total() * 1000.0 / cases;
    }

    /** Cores the tracked processes kept busy on average over the window. */
    double cores() {
        return window.total() / 1000.0 / window.wallSeconds();
    }

    /** The most cases per second {@link #processors} CPUs could give at this cost per case. */
    double ceilingPerSecond() {
        return processors * 1e6 / totalMicros();
    }

    boolean measured() {
        return cases > 0 && window.wallSeconds() > 0 && window.total() > 0;
    }

    /** "box CPU while draining: service 33.7 µs per case, PostgreSQL 30.3 (walsender 4.0), … → 68.1 µs per case = …". */
    List<String> lines() {
        if (!measured()) {
            return List.of("box CPU while draining        not measured (no /proc, or nothing published after readiness)");
        }
        boolean allRead = window.cpuMillis().values().stream().allMatch(millis -> millis >= 0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("box CPU while draining: %s µs per case, %s (%s %s), %s, %s → %s%.1f µs per case = %.2f cores over the"
                        + " %.1f s window (%d vCPU: at most ≈ %,d cases/s at this cost)",
                part(SERVICE, micros(SERVICE)), part(POSTGRES, postgresMicros()), WALSENDER, figure(micros(WALSENDER)),
                part(KAFKA, micros(KAFKA)), part(HARNESS, micros(HARNESS)), allRead ? "" : "≥ ", totalMicros(), cores(),
                window.wallSeconds(), processors, Math.round(ceilingPerSecond() / 100) * 100));
        lines.add(String.format("    (%,d cases published after readiness; /proc: service and harness as processes, PostgreSQL"
                + " and the broker as process trees%s)", cases, boxBusyMillis < 0 ? ""
                : String.format("; the whole box was %.2f cores busy, %.2f of them other processes", boxBusyMillis / 1000.0
                / window.wallSeconds(), Math.max(0, boxBusyMillis - window.total()) / 1000.0 / window.wallSeconds())));
        return lines;
    }

    private static String part(String name, double micros) {
        return name + " " + figure(micros);
    }

    private static String figure(double micros) {
        return Double.isNaN(micros) ? "unreadable" : String.format("%.1f", micros);
    }
}

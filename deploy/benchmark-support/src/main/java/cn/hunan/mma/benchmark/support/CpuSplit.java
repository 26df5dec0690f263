package cn.hunan.mma.benchmark.support;

import cn.hunan.mma.infra.LocalPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Where the box's CPU went in a measured window: the service, the harness (the benchmark's own
 * JVM), PostgreSQL and the broker, each read from {@code /proc} at the window's start and end.
 * Everything shares two vCPUs, so the harness's own share is CPU the service did not get. The
 * harness should be tracked as its JVM alone, not its process tree: the service and the broker are
 * its children and are counted on their own lines. The names are the caller's (each benchmark
 * labels its own processes). Moved from referral-benchmark on 2026-11-24 so the settlement
 * benchmark uses the same reading.
 */
public final class CpuSplit {

    private final Map<String, LongSupplier> readers = new LinkedHashMap<>();
    private final Map<String, Long> atStart = new LinkedHashMap<>();
    private long startNanos;

    /** Each tree's CPU milliseconds in the window (-1 when unreadable) over the window's wall time. */
    public record Window(double wallSeconds, Map<String, Long> cpuMillis) {

        public double cores(String name) {
            return cpuMillis.getOrDefault(name, -1L) / 1000.0 / wallSeconds;
        }

        public long total() {
            return cpuMillis.values().stream().filter(v -> v >= 0).mapToLong(Long::longValue).sum();
        }
    }

    /** @param cpuMillis what the process (or tree) has spent so far, -1 when unreadable */
    public CpuSplit track(String name, LongSupplier cpuMillis) {
        readers.put(name, cpuMillis);
        return this;
    }

    /** The process alone (all its threads). */
    public CpuSplit trackProcess(String name, long pid) {
        return track(name, () -> ProcessCpu.millis(pid).orElse(-1));
    }

    /** The process and its descendants (PostgreSQL's backends, a JVM behind a wrapper). */
    public CpuSplit trackTree(String name, long rootPid) {
        return track(name, () -> ProcessCpu.treeMillis(rootPid).orElse(-1));
    }

    /** The root's descendants whose command line passes {@code which} (see {@link ProcessCpu#descendantsMillis}). */
    public CpuSplit trackDescendants(String name, long rootPid, Predicate<String> which) {
        return track(name, () -> ProcessCpu.descendantsMillis(rootPid, which).orElse(-1));
    }

    /**
     * The root's tree less its descendants that pass {@code which}: tracked beside
     * {@link #trackDescendants} with the same test, the two add up to the tree and nothing counts twice.
     */
    public CpuSplit trackTreeExcept(String name, long rootPid, Predicate<String> which) {
        return track(name, () -> {
            long tree = ProcessCpu.treeMillis(rootPid).orElse(-1);
            long left = ProcessCpu.descendantsMillis(rootPid, which).orElse(-1);
            return tree < 0 || left < 0 ? -1 : tree - left;
        });
    }

    public void start(long nowNanos) {
        startNanos = nowNanos;
        readers.forEach((name, reader) -> atStart.put(name, reader.getAsLong()));
    }

    public Window end(long nowNanos) {
        Map<String, Long> spent = new LinkedHashMap<>();
        readers.forEach((name, reader) -> {
            long before = atStart.getOrDefault(name, -1L);
            long after = reader.getAsLong();
            spent.put(name, before < 0 || after < 0 ? -1 : after - before);
        });
        return new Window((nowNanos - startNanos) / 1e9, spent);
    }

    /**
     * The postmaster's pid: the first line of {@code postmaster.pid} in the data directory; -1 if
     * unreadable. Its tree is the whole server ({@code pg_ctl} detaches it, so it is not the harness's child).
     */
    public static long postmasterPid(LocalPostgres postgres) {
        return postmasterPid(postgres.dataDir());
    }

    static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

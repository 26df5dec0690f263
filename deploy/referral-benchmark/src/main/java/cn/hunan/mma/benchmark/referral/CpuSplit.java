package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.ProcessCpu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where the box's CPU went in the measured window: the service, the harness (this JVM: load
 * generator and topic reader), PostgreSQL and the broker, each read from {@code /proc} at the
 * window's start and end. Everything shares two vCPUs, so the harness's own share is CPU the
 * service did not get. The harness is this JVM alone, not its process tree: the service and the
 * broker are its children and are counted on their own lines.
 */
final class CpuSplit {

    static final String SERVICE = "referral-service";
    static final String HARNESS = "harness (load generator, topic reader)";
    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka broker";

    private final Map<String, LongSupplier> readers = new LinkedHashMap<>();
    private final Map<String, Long> atStart = new LinkedHashMap<>();
    private long startNanos;

    /** Each tree's CPU milliseconds in the window (-1 when unreadable) over the window's wall time. */
    record Window(double wallSeconds, Map<String, Long> cpuMillis) {

        double cores(String name) {
            return cpuMillis.getOrDefault(name, -1L) / 1000.0 / wallSeconds;
        }

        long total() {
            return cpuMillis.values().stream().filter(v -> v >= 0).mapToLong(Long::longValue).sum();
        }
    }

    /** @param cpuMillis what the process (or tree) has spent so far, -1 when unreadable */
    CpuSplit track(String name, LongSupplier cpuMillis) {
        readers.put(name, cpuMillis);
        return this;
    }

    /** The process alone (all its threads). */
    CpuSplit trackProcess(String name, long pid) {
        return track(name, () -> ProcessCpu.millis(pid).orElse(-1));
    }

    /** The process and its descendants (PostgreSQL's backends, a JVM behind a wrapper). */
    CpuSplit trackTree(String name, long rootPid) {
        return track(name, () -> ProcessCpu.treeMillis(rootPid).orElse(-1));
    }

    void start(long nowNanos) {
        startNanos = nowNanos;
        readers.forEach((name, reader) -> atStart.put(name, reader.getAsLong()));
    }

    Window end(long nowNanos) {
        Map<String, Long> spent = new LinkedHashMap<>();
        readers.forEach((name, reader) -> {
            long before = atStart.getOrDefault(name, -1L);
            long after = reader.getAsLong();
            spent.put(name, before < 0 || after < 0 ? -1 : after - before);
        });
        return new Window((nowNanos - startNanos) / 1e9, spent);
    }
}

package cn.hunan.mma.benchmark.scoring;

import java.lang.management.ManagementFactory;

/** CPU time of this whole JVM (every thread: stream or task threads, Kafka clients, GC, JIT) — a contender's cost. */
final class Cpu {

    private Cpu() {
    }

    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

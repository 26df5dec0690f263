package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.ProcessCpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service JVM's CPU time from {@code /proc}: the process total, and per group of threads (the
 * thread name with its numbers taken out: "C2 CompilerThre", "vert.x-eventloop-thread-", …), so a
 * run separates the JIT compiler's and the garbage collector's share (fixed costs of a fresh JVM,
 * large in a 100,000-case run) from the settling threads' per-case work. Linux only; each stat
 * line read as {@link ProcessCpu} reads one. Threads that end between two readings leave their time in the total only
 * ("ended or unnamed" below).
 */
record ServiceCpu(long totalTicks, Map<String, Long> ticksByGroup) {

    private static final double TICKS_PER_SECOND = ProcessCpu.TICKS_PER_SECOND;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    static ServiceCpu read(long pid) {
        try {
            Map<String, Long> groups = new TreeMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    } catch (IOException ended) {
                        continue;
                    }
                    groups.merge(DIGITS.matcher(ProcessCpu.name(stat)).replaceAll("#"), ProcessCpu.ticks(stat), Long::sum);
                }
            }
            return new ServiceCpu(ProcessCpu.ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8)),
                    groups);
        } catch (IOException e) {
            return new ServiceCpu(-1, Map.of());
        }
    }

    boolean known() {
        return totalTicks >= 0;
    }

    double seconds() {
        return totalTicks / TICKS_PER_SECOND;
    }

    /** What was spent since {@code before}, total and per group, the largest groups first. */
    ServiceCpu since(ServiceCpu before) {
        Map<String, Long> spent = new TreeMap<>();
        ticksByGroup.forEach((group, ticks) -> {
            long delta = ticks - before.ticksByGroup.getOrDefault(group, 0L);
            if (delta > 0) {
                spent.put(group, delta);
            }
        });
        long total = totalTicks - before.totalTicks;
        long named = spent.values().stream().mapToLong(Long::longValue).sum();
        if (total > named) {
            spent.put("ended or unnamed", total - named);
        }
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
        return new ServiceCpu(total, largestFirst);
    }

    /** The groups as "name 1.23 s (45 %)", the largest first, up to {@code limit}, the rest summed. */
    List<String> lines(int limit) {
        List<Map.Entry<String, Long>> entries = List.copyOf(ticksByGroup.entrySet());
        Stream<String> top = entries.stream().limit(limit).map(entry -> line(entry.getKey(), entry.getValue()));
        long rest = entries.stream().skip(limit).mapToLong(Map.Entry::getValue).sum();
        return Stream.concat(top, rest > 0 ? Stream.of(line("(the rest)", rest)) : Stream.empty()).toList();
    }

    private String line(String group, long ticks) {
        return String.format("%-24s %6.2f core-s (%4.1f %%)", group, ticks / TICKS_PER_SECOND, 100.0 * ticks / Math.max(1, totalTicks));
    }
}

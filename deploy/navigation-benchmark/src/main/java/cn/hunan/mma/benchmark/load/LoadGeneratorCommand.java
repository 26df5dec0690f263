package cn.hunan.mma.benchmark.load;

import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's own JVM ({@code load-generator}, started by the benchmark): reads the
 * queries, drives them open-loop and writes a {@link LoadResult} as JSON. Its own process so its
 * heap, GC and JIT stay apart from the benchmark's Kafka producer and probes.
 */
@Command(name = "load-generator", hidden = true, mixinStandardHelpOptions = true,
        description = "Drives recommendation requests open-loop (started by the navigation benchmark).")
public final class LoadGeneratorCommand implements Callable<Integer> {

    @Option(names = "--base-url", required = true)
    URI baseUrl;
    @Option(names = "--queries", required = true, description = "Lines of <token or ->TAB<path?query>.")
    Path queries;
    @Option(names = "--result", required = true)
    Path result;
    @Option(names = "--rate", required = true)
    double rate;
    @Option(names = "--warmup-seconds", required = true)
    double warmupSeconds;
    @Option(names = "--duration-seconds", required = true)
    double durationSeconds;
    @Option(names = "--timeout-ms", defaultValue = "2000")
    long timeoutMillis;
    @Option(names = "--connections", defaultValue = "64", description = "Most requests in flight at once.")
    int connections;

    @Override
    public Integer call() throws Exception {
        List<PlannedQuery> planned = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(PlannedQuery::parse).toList();
        try (LoadGenerator generator = new LoadGenerator(baseUrl, planned, Duration.ofMillis(timeoutMillis), connections,
                System.out::println)) {
            // A short lead so the first requests are not charged for this JVM's start-up.
            OpenLoopSchedule schedule = OpenLoopSchedule.of(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), rate,
                    warmupSeconds, durationSeconds);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            LoadResult outcome = generator.run(schedule);
            // What the generator itself costs: on a 2-vCPU machine it is taken from the service it measures.
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
            System.out.printf("[load] generator CPU: %.1f s over %.1f s (%.0f %% of one core)%n",
                    cpuSeconds, wallSeconds, 100 * cpuSeconds / wallSeconds);
            new ObjectMapper().writeValue(result.toFile(), outcome);
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

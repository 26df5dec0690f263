package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.benchmark.support.Benchmarks;
import cn.hunan.mma.benchmark.support.Resources;
import cn.hunan.mma.benchmark.support.SummaryTable;
import cn.hunan.mma.benchmark.support.TargetLine;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import cn.hunan.mma.simulator.SimulatorCommand;
import cn.hunan.mma.simulator.output.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.hunan.mma.benchmark.support.Benchmarks.loadAverage;
import static cn.hunan.mma.benchmark.support.Benchmarks.say;

/**
 * {@code deploy/benchmark scoring}: one generated event file, one local broker, four contenders one after another,
 * each in a JVM of its own — (d) a plain single-threaded Java pass over the file, (a) the scorer's topology with
 * exactly_once_v2, (b) the same at_least_once, (c) the same indicators as a Flink job — then their final totals
 * compared, then the event-to-totals latency of (a) and (c) at an offered rate (open loop), and the target table.
 * All four use the scorer's own decode and attribution code and the seed rule set.
 */
@Command(name = "scoring", mixinStandardHelpOptions = true,
        description = "The scorer (exactly-once, at-least-once) side by side with Flink and a plain Java pass on one event file.")
public final class ScoringBenchmark implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    @Option(names = "--smoke", description = "A short check of the harness: 1 day of 湘潭, 10 s of latency per contender.")
    boolean smoke;

    @Option(names = "--area", defaultValue = "430300", description = "Simulated area. Default: ${DEFAULT-VALUE} (湘潭市)")
    String area;

    @Option(names = "--from", defaultValue = "2025-03-10", description = "First simulated day. Default: ${DEFAULT-VALUE}")
    String from;

    @Option(names = "--days", description = "Simulated days. Default: 2 (1 with --smoke)")
    Integer days;

    @Option(names = "--rate", defaultValue = "1000", description = "Offered events/s in the latency runs. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--latency-seconds", description = "Measured seconds per latency run. Default: 30 (10 with --smoke)")
    Double latencySeconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unmeasured seconds before. Default: ${DEFAULT-VALUE}")
    double warmupSeconds;

    @Option(names = "--flink-parallelism", defaultValue = "1", description = "Default: ${DEFAULT-VALUE} (2 did not help on 2 cores, BUILDING.md)")
    int flinkParallelism;

    @Option(names = "--emit-interval", description = "The scorer's score emission interval. Default: the service's mma.scoring.emit-interval, else PT10S")
    Duration emitInterval;

    @Option(names = "--streams", description = "A Kafka Streams setting for (a) and (b), key=value (repeatable), e.g. commit.interval.ms=100")
    Map<String, String> streams = new LinkedHashMap<>();

    @Option(names = "--jfr", description = "Profile the throughput runs of (a) and (d) with Flight Recorder and summarise where their CPU goes.")
    boolean jfr;

    @Option(names = "--only", split = ",", description = "Contenders to run, of plain,eos,alos,flink. Default: all")
    List<String> only = List.of("plain", "eos", "alos", "flink");

    @Option(names = "--contender-jvm-options", defaultValue = "-Xmx2g",
            description = "JVM options of every contender's JVM, space-separated. Default: ${DEFAULT-VALUE}")
    String contenderJvmOptions;

    private Path work;
    private String bootstrap;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScoringBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return Benchmarks.run(this::run);
    }

    private void run(Resources resources) throws Exception {
        int dayCount = days != null ? days : smoke ? 1 : 2;
        double measured = latencySeconds != null ? latencySeconds : smoke ? 10 : 30;
        Duration emit = emitInterval != null ? emitInterval : serviceEmitInterval();
        Path root = projectRoot.resolve(".local/benchmark/scoring").toAbsolutePath();
        work = root.resolve("run");
        deleteRecursively(work);
        Files.createDirectories(work.resolve("logs"));
        KafkaSettings.quietClientLogs();
        String startedAt = Instant.now().toString();
        say("load average at start: %s", loadAverage());

        Path workload = root.resolve("workloads").resolve(area + "-" + from + "-" + dayCount);
        Path matrix = workload.resolve("matrix");
        Path events = workload.resolve("events.jsonl.gz");
        if (!Files.exists(events)) {
            say("generating %s from %s, %d days (simulator, typical fault rates) …", area, from, dayCount);
            simulate("matrix", "--area", area, "--out", matrix.toString());
            simulate("events", "--area", area, "--from", from, "--days", Integer.toString(dayCount), "--faults", "typical",
                    "--no-progress", "--out", events.toString());
        }

        LocalKafka kafka = resources.remember(LocalKafka.startFresh(work.resolve("kafka")));
        kafka.stopOnlyWhenClosed();
        bootstrap = kafka.bootstrapServers();
        KafkaSettings.createTopics(bootstrap, (short) 1);
        simulate("matrix", "--area", area, "--bootstrap-servers", bootstrap);
        ScoringTopology.ensureOwnTopics(bootstrap);
        long fillStart = System.nanoTime();
        long lines = InputTopics.fill(bootstrap, events);
        say("broker %s; %,d lines of %s on the input topics in %.1f s", bootstrap, lines, events, (System.nanoTime() - fillStart) / 1e9);

        Map<String, ContenderResult> results = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Long>>> totals = new LinkedHashMap<>();
        List<String> jvm = List.of(contenderJvmOptions.trim().split("\\s+"));
        if (only.contains("plain")) {
            say("(d) plain Java pass …");
            runPlain(resources, jvm, events, matrix, lines, results, totals);
        }
        if (only.contains("eos")) {
            say("(a) scorer, exactly_once_v2 …");
            runScorer(resources, jvm, "(a) scorer exactly_once_v2", StreamsConfig.EXACTLY_ONCE_V2, emit, lines, jfr, results, totals);
        }
        if (only.contains("alos")) {
            say("(b) scorer, at_least_once …");
            runScorer(resources, jvm, "(b) scorer at_least_once", StreamsConfig.AT_LEAST_ONCE, emit, lines, false, results, totals);
        }
        if (only.contains("flink")) {
            say("(c) Flink job …");
            runFlink(resources, jvm, matrix, lines, results, totals);
        }
        boolean agree = agreement(totals);

        Map<String, LatencyRun.Result> latencies = new LinkedHashMap<>();
        if (only.contains("eos")) {
            say("latency of (a) at %,.0f events/s offered for %.0f s (+%.0f s warm-up) …", rate, measured, warmupSeconds);
            latencies.put("eos", scorerLatency(resources, jvm, emit, events, measured));
        }
        if (only.contains("flink")) {
            say("latency of (c) at %,.0f events/s offered for %.0f s (+%.0f s warm-up) …", rate, measured, warmupSeconds);
            latencies.put("flink", flinkLatency(resources, jvm, matrix, events, measured));
        }
        new Report(startedAt, area, from, dayCount, lines, emit, streams, rate, measured, results, latencies, agree).print();
        if (jfr && results.containsKey("eos")) {
            JfrSummary.print("(a)", work.resolve("scorer-eos.jfr"));
        }
        if (jfr && results.containsKey("plain")) {
            JfrSummary.print("(d)", work.resolve("plain.jfr"));
        }
        say("load average at the end: %s", loadAverage());
    }

    private void runPlain(Resources resources, List<String> jvm, Path events, Path matrix, long lines, Map<String, ContenderResult> results,
                          Map<String, Map<String, Map<String, Long>>> totals) throws Exception {
        Path out = work.resolve("plain.totals");
        try (ContenderJvm contender = resources.remember(ContenderJvm.start("plain", jvm,
                List.of("plain", events.toString(), matrix.toString(), out.toString(), jfr ? work.resolve("plain.jfr").toString() : "-"),
                work.resolve("logs/plain.log")))) {
            String result = contender.await("RESULT", RUN_TIMEOUT);
            contender.await("DONE", START_TIMEOUT);
            results.put("plain", new ContenderResult("(d) plain Java, one thread", lines, ContenderJvm.field(result, "wall"),
                    ContenderJvm.field(result, "cpu")));
        }
        totals.put("plain", TotalsFile.read(out));
    }

    private void runScorer(Resources resources, List<String> jvm, String label, String guarantee, Duration emit, long lines, boolean profile,
                           Map<String, ContenderResult> results, Map<String, Map<String, Map<String, Long>>> totals) throws Exception {
        String key = guarantee.equals(StreamsConfig.AT_LEAST_ONCE) ? "alos" : "eos";
        String applicationId = "scoring-benchmark-" + key + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path out = work.resolve(key + ".totals");
        List<String> args = new ArrayList<>(List.of("scorer", bootstrap, applicationId, work.resolve("state-" + key).toString(), guarantee,
                emit.toString(), out.toString(), profile ? work.resolve("scorer-" + key + ".jfr").toString() : "-"));
        streams.forEach((name, value) -> args.add(name + "=" + value));
        try (ContenderJvm contender = resources.remember(ContenderJvm.start(key, jvm, args, work.resolve("logs/scorer-" + key + ".log")));
             Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            contender.await("READY", START_TIMEOUT);
            long started = System.nanoTime();
            ConsumerLag lag = new ConsumerLag(admin, applicationId);
            long deadline = started + RUN_TIMEOUT.toNanos();
            long firstCaughtUp = 0;
            while (true) {
                long reading = System.nanoTime();
                if (lag.caughtUp()) {
                    if (firstCaughtUp != 0) {
                        break;
                    }
                    firstCaughtUp = reading;
                } else {
                    firstCaughtUp = 0;
                }
                if (reading > deadline) {
                    throw new IllegalStateException(label + " did not count the file within " + RUN_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
            contender.stop();
            String result = contender.await("RESULT", START_TIMEOUT);
            contender.await("DONE", START_TIMEOUT);
            results.put(key, new ContenderResult(label, lines, (firstCaughtUp - started) / 1e9, ContenderJvm.field(result, "cpu")));
        }
        totals.put(key, TotalsFile.read(out));
    }

    private void runFlink(Resources resources, List<String> jvm, Path matrix, long lines, Map<String, ContenderResult> results,
                          Map<String, Map<String, Map<String, Long>>> totals) throws Exception {
        String topic = "scoring-benchmark.flink-totals";
        createTopic(topic);
        Path out = work.resolve("flink.totals");
        try (ContenderJvm contender = resources.remember(ContenderJvm.start("flink", jvm,
                List.of("flink", bootstrap, topic, matrix.toString(), Integer.toString(flinkParallelism),
                        work.resolve("flink-checkpoints").toString(), out.toString()),
                work.resolve("logs/flink.log")))) {
            String result = contender.await("RESULT", RUN_TIMEOUT);
            contender.await("DONE", START_TIMEOUT);
            results.put("flink", new ContenderResult("(c) Flink 1.20.1, parallelism " + flinkParallelism, lines,
                    ContenderJvm.field(result, "wall"), ContenderJvm.field(result, "cpu")));
        }
        totals.put("flink", TotalsFile.read(out));
    }

    private LatencyRun.Result scorerLatency(Resources resources, List<String> jvm, Duration emit, Path events, double measured) throws Exception {
        InputTopics.recreate(bootstrap);
        String applicationId = "scoring-latency-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("scorer", bootstrap, applicationId, work.resolve("state-latency").toString(),
                StreamsConfig.EXACTLY_ONCE_V2, emit.toString(), "-", "-"));
        streams.forEach((name, value) -> args.add(name + "=" + value));
        try (ContenderJvm contender = resources.remember(ContenderJvm.start("eos-latency", jvm, args, work.resolve("logs/scorer-latency.log")))) {
            contender.await("READY", START_TIMEOUT);
            LatencyRun.Result result = LatencyRun.run(bootstrap, events, applicationId + "-scope-month-totals-changelog", rate, warmupSeconds, measured);
            contender.stop();
            contender.await("RESULT", START_TIMEOUT);
            return result;
        }
    }

    private LatencyRun.Result flinkLatency(Resources resources, List<String> jvm, Path matrix, Path events, double measured) throws Exception {
        InputTopics.recreate(bootstrap);
        String topic = "scoring-benchmark.flink-latency-totals";
        createTopic(topic);
        try (ContenderJvm contender = resources.remember(ContenderJvm.start("flink-latency", jvm,
                List.of("flink", bootstrap, topic, matrix.toString(), Integer.toString(flinkParallelism),
                        work.resolve("flink-latency-checkpoints").toString(), "latency"),
                work.resolve("logs/flink-latency.log")))) {
            contender.await("READY", START_TIMEOUT);
            LatencyRun.Result result = LatencyRun.run(bootstrap, events, topic, rate, warmupSeconds, measured);
            contender.stop();
            contender.await("DONE", START_TIMEOUT);
            return result;
        }
    }

    /** Every contender's totals against the first one's (the plain pass when it ran): they must agree exactly. */
    private static boolean agreement(Map<String, Map<String, Map<String, Long>>> totals) {
        if (totals.isEmpty()) {
            return false;
        }
        var reference = totals.entrySet().iterator().next();
        boolean agree = true;
        System.out.println();
        System.out.println("== totals check: every contender's final totals against " + reference.getKey() + " ==");
        for (var other : totals.entrySet()) {
            List<String> differences = TotalsComparison.differences(reference.getValue(), other.getValue(), 10);
            long values = other.getValue().values().stream().mapToLong(Map::size).sum();
            System.out.printf("%-6s %,6d scope-months, %,7d values, province visits %,d, province admissions %,d: %s%n", other.getKey(),
                    other.getValue().size(), values, TotalsComparison.sum(other.getValue(), "PROVINCE:", "visits"),
                    TotalsComparison.sum(other.getValue(), "PROVINCE:", "admissions"),
                    differences.isEmpty() ? "AGREE" : "DIFFER " + differences);
            agree &= differences.isEmpty();
        }
        return agree;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static Duration serviceEmitInterval() throws Exception {
        String value = ScorerSettings.serviceProperties().getProperty("mma.scoring.emit-interval");
        return value == null ? Duration.ofSeconds(10) : Duration.parse(value);
    }

    private static void simulate(String... args) {
        int exit = new CommandLine(new SimulatorCommand()).execute(args);
        if (exit != 0) {
            throw new IllegalStateException("simulate " + String.join(" ", args) + " exited with " + exit);
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static List<TargetLine> targets(Map<String, ContenderResult> results, Map<String, LatencyRun.Result> latencies) {
        ContenderResult scorer = results.get("eos");
        if (scorer == null) {
            return List.of();
        }
        LatencyRun.Result latency = latencies.get("eos");
        return Targets.judge(scorer, results.get("flink"), latency == null ? Double.NaN : latency.latency().p99Millis());
    }

    static String table(List<TargetLine> lines) {
        return SummaryTable.text(lines);
    }
}

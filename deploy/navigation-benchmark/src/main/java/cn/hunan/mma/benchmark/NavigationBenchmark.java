package cn.hunan.mma.benchmark;

import cn.hunan.mma.benchmark.support.Benchmarks;
import cn.hunan.mma.benchmark.support.Resources;
import cn.hunan.mma.benchmark.support.ServiceJvm;
import cn.hunan.mma.benchmark.support.MemorySampler;
import cn.hunan.mma.benchmark.support.ProcessMemory;
import cn.hunan.mma.benchmark.capacity.CapacityEventSource;
import cn.hunan.mma.benchmark.capacity.CapacityPublisher;
import cn.hunan.mma.benchmark.capacity.DepartmentCapacity;
import cn.hunan.mma.benchmark.capacity.FreshnessProber;
import cn.hunan.mma.benchmark.load.LoadResult;
import cn.hunan.mma.benchmark.load.Outcome;
import cn.hunan.mma.benchmark.load.PlannedQuery;
import cn.hunan.mma.benchmark.report.BenchmarkReport;
import cn.hunan.mma.benchmark.stack.LoadGeneratorProcess;
import cn.hunan.mma.benchmark.workload.QueryMix;
import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.infra.LocalPostgres;
import cn.hunan.mma.infra.ServiceConfiguration;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixDirectory;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.reference.Area;
import cn.hunan.mma.simulator.reference.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static cn.hunan.mma.benchmark.support.Benchmarks.freePort;
import static cn.hunan.mma.benchmark.support.Benchmarks.loadAverage;
import static cn.hunan.mma.benchmark.support.Benchmarks.say;

/**
 * {@code deploy/benchmark navigation}: a fresh PostgreSQL, Kafka and navigation-service (its own
 * JVM), the area's matrix imported through the API, capacity events at a fixed rate with freshness
 * probes, and recommendations driven open-loop from a load generator in a separate JVM; then the
 * figures and the targets. Exits 0 whether or not targets are met, non-zero only when the harness
 * itself fails; everything started is stopped on the way out, Ctrl-C included.
 */
@Command(name = "navigation", mixinStandardHelpOptions = true,
        description = "Benchmarks navigation-service's recommendations under load with live capacity events.")
final class NavigationBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final int DISTINCT_QUERIES = 20_000;
    private static final int PROBE_DEPARTMENTS = 16;

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    @Option(names = "--smoke", description = "A short check of the harness: 湘潭 (430300), 2 s warm-up, 5 s, 100 requests/s, 50 events/s.")
    boolean smoke;

    @Option(names = "--area", description = "Matrix area (simulator --area). Default: 43, all Hunan (430300 with --smoke).")
    String area;

    @Option(names = "--seed", defaultValue = "42", description = "Matrix and query-mix seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--rate", description = "Recommendation requests per second. Default: 2000 (100 with --smoke).")
    Double rate;

    @Option(names = "--capacity-rate", description = "Capacity events per second. Default: 1000 (50 with --smoke).")
    Double capacityRate;

    @Option(names = "--duration", description = "Measured seconds. Default: 60 (5 with --smoke).")
    Integer durationSeconds;

    @Option(names = "--warmup", description = "Warm-up seconds before measuring. Default: 60 (2 with --smoke).")
    Integer warmupSeconds;

    @Option(names = "--timeout-ms", defaultValue = "2000", description = "Request timeout (counted as an error). Default: ${DEFAULT-VALUE}")
    long timeoutMillis;

    @Option(names = "--connections", defaultValue = "64",
            description = "The load generator's connections: most requests in flight at once. Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = "--probe-poll-ms", defaultValue = "10", description = "Freshness probe poll interval. Default: ${DEFAULT-VALUE}")
    long probePollMillis;

    @Option(names = "--service-jar", description = "navigation-service's quarkus-run.jar. Default: navigation-service/target/quarkus-app/quarkus-run.jar")
    Path serviceJar;

    /** The options navigation-service's README documents it runs with (RSS ≤ 512 MB). */
    static final String SERVICE_JVM_OPTIONS = "-Xmx208m -Xmn64m -Xss512k -XX:MaxMetaspaceSize=128m"
            + " -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC";

    @Option(names = "--service-jvm-options", defaultValue = SERVICE_JVM_OPTIONS,
            description = "The service's JVM options, space-separated. Default: ${DEFAULT-VALUE} (navigation-service's README)")
    String serviceJvmOptions;

    @Option(names = "--service-property", description = "Extra service configuration, key=value (repeatable), e.g. mma.navigation.matrix-refresh-every=10M")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    @Option(names = "--load-jvm-options", defaultValue = "-Xms256m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=4",
            description = "The load generator's JVM options. Default: ${DEFAULT-VALUE}")
    String loadJvmOptions;

    @Override
    public Integer call() throws Exception {
        return Benchmarks.run(this::run);
    }

    private void run(Resources resources) throws Exception {
        Path work = projectRoot.resolve(".local/benchmark").toAbsolutePath();
        Path jar = Benchmarks.serviceJar(serviceJar, projectRoot, "navigation-service");
        Files.createDirectories(work.resolve("logs"));
        KafkaSettings.quietClientLogs();
        String areaCode = area != null ? area : smoke ? "430300" : "43";
        double requestRate = rate != null ? rate : smoke ? 100 : 2000;
        double eventRate = capacityRate != null ? capacityRate : smoke ? 50 : 1000;
        Duration duration = Duration.ofSeconds(durationSeconds != null ? durationSeconds : smoke ? 5 : 60);
        // A minute: the service then has collected the province import's garbage (one full collection)
        // and compiled its paths; with 15 s both fell into the first measured seconds (README, 2026-11-24).
        Duration warmup = Duration.ofSeconds(warmupSeconds != null ? warmupSeconds : smoke ? 2 : 60);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        say("generating the matrix of %s (seed %d)", areaCode, seed);
        HospitalMatrix province = MatrixGenerator.generate(MatrixOptions.defaults(seed));
        AreaMatrix matrix = AreaMatrix.of(province, Area.parse(areaCode));
        Path matrixDir = work.resolve("matrix-" + areaCode + "-" + seed);
        MatrixDirectory.write(matrixDir, matrix, "deploy/simulate matrix --area " + areaCode + " --seed " + seed + " --out DIR");

        LocalPostgres postgres = resources.remember(LocalPostgres.startFresh(work.resolve("postgres")));
        postgres.stopOnlyWhenClosed();
        postgres.createDatabase("navigation");
        LocalKafka kafka = resources.remember(LocalKafka.startFresh(work.resolve("kafka")));
        kafka.stopOnlyWhenClosed();
        KafkaSettings.createTopics(kafka.bootstrapServers(), (short) 1);
        say("PostgreSQL on port %d, Kafka at %s", postgres.port(), kafka.bootstrapServers());

        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(work.resolve("keys"));
        TokenMinter minter = TokenMinter.forKeys(keys);
        String admin = minter.mint(TokenClaims.forSubject("benchmark-admin", "province-admin").inProvince("430000").validFor(TOKEN_LIFETIME));

        Map<String, String> config = serviceConfig(postgres, kafka, keys, requestRate);
        List<String> jvm = new ArrayList<>(List.of(serviceJvmOptions.trim().split("\\s+")));
        serviceProperties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        ServiceJvm service = resources.remember(ServiceJvm.start("navigation-service", jar, freePort(), config, jvm, work.resolve("logs/navigation-service.log")));
        service.awaitReady(http);
        say("navigation-service ready at %s (pid %d, log %s)", service.baseUrl(), service.javaPid(), service.log());

        importMatrix(http, service.baseUrl(), admin, matrixDir);

        List<PlannedQuery> queries = new QueryMix(matrix, new DiseaseMix(ReferenceData.bundled().diagnoses(), province.catalogue()),
                QueryMix.Shares.DEFAULT, institution -> minter.mint(TokenClaims.forSubject("doctor-at-" + institution, "institution-user")
                .atInstitution(institution).validFor(TOKEN_LIFETIME))).draw(DISTINCT_QUERIES, seed);
        primeRegistrySnapshot(http, service.baseUrl(), queries);
        Path queriesFile = ownerOnly(work.resolve("queries.tsv"));
        Files.write(queriesFile, queries.stream().map(PlannedQuery::toLine).toList());

        List<DepartmentCapacity> departments = DepartmentCapacity.of(matrix);
        List<DepartmentCapacity> probed = probeDepartments(departments);
        CapacityPublisher publisher = resources.remember(new CapacityPublisher(kafka.bootstrapServers()));
        FreshnessProber prober = resources.remember(new FreshnessProber(publisher, http, service.baseUrl(), admin, probed,
                Duration.ofMillis(probePollMillis), Duration.ofMillis(200), Duration.ofSeconds(10)));
        long servicePid = service.javaPid();

        say("capacity events at %,.0f/s; recommendations at %,.0f/s: %d s warm-up, %d s measured", eventRate, requestRate,
                warmup.toSeconds(), duration.toSeconds());
        publisher.startBackground(new CapacityEventSource(departments, new HashSet<>(probed), Clock.systemUTC(), seed), eventRate);
        LoadGeneratorProcess load = resources.remember(LoadGeneratorProcess.start(service.baseUrl(), queriesFile,
                work.resolve("load-result.json"), requestRate, warmup, duration, Duration.ofMillis(timeoutMillis), connections,
                List.of(loadJvmOptions.trim().split("\\s+"))));
        prober.start();
        TimeUnit.MILLISECONDS.sleep(warmup.toMillis() + 200);

        long lifetimeHwm = ProcessMemory.of(servicePid).map(ProcessMemory::peakRssKib).orElse(0L);
        boolean peakReset = ProcessMemory.resetPeak(servicePid);
        MemorySampler sampler = resources.remember(new MemorySampler(servicePid, Duration.ofMillis(500)));
        prober.measureFromNow();
        Duration serviceCpuAtStart = cpuTime(servicePid);
        long windowStarted = System.nanoTime();
        String loadAtStart = loadAverage();
        LoadResult result = load.awaitResult(warmup.plus(duration).plusMillis(timeoutMillis).plusMinutes(2));
        double windowSeconds = (System.nanoTime() - windowStarted) / 1e9;
        double serviceCpuSeconds = cpuTime(servicePid).minus(serviceCpuAtStart).toNanos() / 1e9;
        String loadAtEnd = loadAverage();
        FreshnessProber.Result freshness = prober.stop();
        long maxRss = sampler.stop();
        CapacityPublisher.Tally tally = publisher.stopBackground();
        if (!service.isAlive()) {
            throw new IllegalStateException("navigation-service died during the run; see " + service.log());
        }
        BenchmarkReport report = new BenchmarkReport(result, freshness, tally, eventRate, maxRss, ProcessMemory.of(servicePid),
                lifetimeHwm, peakReset);
        System.out.println(report.text());
        // CPU per answer depends far less on what else runs than latency does: the figure to compare
        // code versions by on a shared machine.
        long answered = result.count(Outcome.OK);
        say("service CPU over the measured window: %.1f s in %.1f s (%.2f cores), %s per 2xx answer; load average %s at the start, %s at the end",
                serviceCpuSeconds, windowSeconds, serviceCpuSeconds / windowSeconds,
                answered == 0 ? "n/a" : String.format("%.0f µs", serviceCpuSeconds * 1e6 / answered), loadAtStart, loadAtEnd);
        say("command: deploy/benchmark navigation %s", String.join(" ", commandLine(areaCode, requestRate, eventRate, duration, warmup)));
    }

    private static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private Map<String, String> serviceConfig(LocalPostgres postgres, LocalKafka kafka, LocalJwtKeys keys, double requestRate) {
        Map<String, String> config = ServiceConfiguration.of(kafka, keys, postgres, "navigation");
        // All load comes from one address, and the public endpoint's token bucket is per address:
        // ten times the offered rate keeps the limiter in the path without ever refusing the benchmark.
        String allowance = Long.toString((long) Math.ceil(requestRate * 10));
        config.put("mma.navigation.public-rate-limit.per-second", allowance);
        config.put("mma.navigation.public-rate-limit.burst", allowance);
        return config;
    }

    private static void importMatrix(HttpClient http, URI baseUrl, String adminToken, Path matrixDir) throws IOException, InterruptedException {
        say("importing %s …", matrixDir);
        long started = System.nanoTime();
        HttpRequest post = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/registry/imports"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .timeout(IMPORT_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("directory", matrixDir.toString()))))
                .build();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode report = JSON.readTree(answer.body());
        say("imported in %.1f s: inserted %d, updated %d, unchanged %d, rejected %d", (System.nanoTime() - started) / 1e9,
                report.path("inserted").asLong(), report.path("updated").asLong(), report.path("unchanged").asLong(),
                report.path("rejected").asLong());
    }

    /**
     * The service answers an import once its registry snapshot holds it; one recommendation,
     * waited for, checks that it answers before the load starts (a 503 would mean the snapshot is
     * still loading, anything else but 200 a broken setup).
     */
    private static void primeRegistrySnapshot(HttpClient http, URI baseUrl, List<PlannedQuery> queries)
            throws IOException, InterruptedException {
        PlannedQuery first = queries.stream().filter(q -> q.bearerToken().isEmpty()).findFirst().orElseThrow();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(baseUrl.resolve(first.pathAndQuery()))
                .timeout(IMPORT_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the first recommendation answered " + answer.statusCode() + ": " + answer.body());
        }
        say("first recommendation answered in %.1f s", (System.nanoTime() - started) / 1e9);
    }

    private List<DepartmentCapacity> probeDepartments(List<DepartmentCapacity> departments) {
        List<DepartmentCapacity> withBeds = new ArrayList<>(departments.stream().filter(d -> d.beds() > 0).toList());
        Collections.shuffle(withBeds, new Random(seed));
        return List.copyOf(withBeds.subList(0, Math.min(PROBE_DEPARTMENTS, withBeds.size())));
    }

    private List<String> commandLine(String areaCode, double requestRate, double eventRate, Duration duration, Duration warmup) {
        return List.of("--area", areaCode, "--seed", Long.toString(seed), "--rate", String.format("%.0f", requestRate),
                "--capacity-rate", String.format("%.0f", eventRate), "--duration", Long.toString(duration.toSeconds()),
                "--warmup", Long.toString(warmup.toSeconds()));
    }

    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        // The file holds bearer tokens: owner-only from creation.
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
}

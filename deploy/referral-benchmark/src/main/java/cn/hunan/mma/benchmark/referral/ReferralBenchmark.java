package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.benchmark.support.CpuSplit;
import cn.hunan.mma.benchmark.support.MemorySampler;
import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import cn.hunan.mma.benchmark.support.PostgresStatements;
import cn.hunan.mma.benchmark.support.Benchmarks;
import cn.hunan.mma.benchmark.support.Resources;
import cn.hunan.mma.benchmark.support.ServiceJvm;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.infra.LocalPostgres;
import cn.hunan.mma.infra.ServiceConfiguration;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.matrix.MatrixRecords;
import cn.hunan.mma.simulator.output.ContractRecordPublisher;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.reference.Area;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.hunan.mma.benchmark.support.Benchmarks.freePort;
import static cn.hunan.mma.benchmark.support.Benchmarks.loadAverage;
import static cn.hunan.mma.benchmark.support.Benchmarks.say;

/**
 * {@code deploy/benchmark referral}: a fresh PostgreSQL, Kafka and referral-service (its own JVM,
 * configured as {@code deploy/run} configures it); the area's matrix published on the matrix
 * topics and one expert session per receiving department seeded with reserved referral slots on
 * the capacity topic; then create → accept → schedule driven open loop, the referral topic read
 * back for the outbox → Kafka lag and the count check, and the target table. Exits 0 whether or
 * not targets are met, non-zero only when the harness itself fails; everything started is stopped
 * on the way out, Ctrl-C included.
 */
@Command(name = "referral", mixinStandardHelpOptions = true,
        description = "Benchmarks referral-service: create → accept → schedule open loop, outbox → Kafka lag, event count check.")
public final class ReferralBenchmark implements Callable<Integer> {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(3);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    @Option(names = "--smoke", description = "A short check of the harness: 20 referrals/s, 2 s warm-up, 5 s measured.")
    boolean smoke;

    @Option(names = "--area", defaultValue = "430300", description = "Matrix area (simulator --area). Default: ${DEFAULT-VALUE} (湘潭)")
    String area;

    @Option(names = "--seed", defaultValue = "42", description = "Matrix and pseudonym seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--rate", description = "Referrals created per second. Default: 500 (20 with --smoke).")
    Double rate;

    @Option(names = "--duration", description = "Measured seconds. Default: 60 (5 with --smoke).")
    Integer durationSeconds;

    @Option(names = "--warmup", description = "Warm-up seconds before measuring. Default: 60 (2 with --smoke).")
    Integer warmupSeconds;

    @Option(names = "--warmup-rate", description = "Referrals per second as the warm-up starts; it rises linearly to --rate by"
            + " the measured window. Default: a fifth of --rate. The cold service cannot keep up with the full rate while its"
            + " JIT compiles (a full-rate warm-up leaves a backlog for the measured window), and a step up at the window's"
            + " start makes its first seconds pay for the step.")
    Double warmupRate;

    @Option(names = "--timeout-ms", defaultValue = "5000", description = "Request timeout (counted as an error). Default: ${DEFAULT-VALUE}")
    long timeoutMillis;

    @Option(names = "--connections", defaultValue = "64",
            description = "Most calls in flight at once (and so connections). Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = "--service-jar", description = "referral-service's quarkus-run.jar. Default: referral-service/target/quarkus-app/quarkus-run.jar")
    Path serviceJar;

    /** What deploy/run gives referral-service (local-stack ServiceSpec). */
    static final String SERVICE_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC";

    @Option(names = "--service-jvm-options", defaultValue = SERVICE_JVM_OPTIONS,
            description = "The service's JVM options, space-separated. Default: ${DEFAULT-VALUE} (as deploy/run)")
    String serviceJvmOptions;

    @Option(names = "--service-property", description = "Extra service configuration, key=value (repeatable), e.g. quarkus.datasource.reactive.max-size=40")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReferralBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return Benchmarks.run(this::run);
    }

    private void run(Resources resources) throws Exception {
        Path work = projectRoot.resolve(".local/benchmark/referral").toAbsolutePath();
        Path jar = Benchmarks.serviceJar(serviceJar, projectRoot, "referral-service");
        Files.createDirectories(work.resolve("logs"));
        KafkaSettings.quietClientLogs();
        double referralRate = rate != null ? rate : smoke ? 20 : 500;
        Duration duration = Duration.ofSeconds(durationSeconds != null ? durationSeconds : smoke ? 5 : 60);
        Duration warmup = Duration.ofSeconds(warmupSeconds != null ? warmupSeconds : smoke ? 2 : 60);
        if (Math.round(referralRate * duration.toSeconds()) < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate × --duration must give at least one measured referral");
        }
        double warmupReferralRate = warmupRate != null ? warmupRate : referralRate / 5;
        String loadBefore = loadAverage();

        say("generating the matrix of %s (seed %d)", area, seed);
        HospitalMatrix province = MatrixGenerator.generate(MatrixOptions.defaults(seed));
        AreaMatrix matrix = AreaMatrix.of(province, Area.parse(area));
        ReferralRoutes routes = ReferralRoutes.of(matrix);
        long referrals = OpenLoopSchedule.of(0, warmupReferralRate, warmup.toSeconds(), referralRate, duration.toSeconds())
                .totalRequests();
        int reservedPerPool = routes.reservedPerPool(referrals);
        // Three days ahead: far outside the release lead time, so no reserved slot goes public mid-run.
        LocalDate sessionDate = LocalDate.now(CHINA).plusDays(3);

        LocalPostgres postgres = resources.remember(LocalPostgres.startFresh(work.resolve("postgres")));
        postgres.stopOnlyWhenClosed();
        postgres.createDatabase("referral");
        LocalKafka kafka = resources.remember(LocalKafka.startFresh(work.resolve("kafka")));
        kafka.stopOnlyWhenClosed();
        KafkaSettings.createTopics(kafka.bootstrapServers(), (short) 1);
        say("PostgreSQL on port %d, Kafka at %s", postgres.port(), kafka.bootstrapServers());

        MatrixRecords records = new MatrixRecords(matrix);
        try (ContractRecordPublisher publisher = new ContractRecordPublisher(kafka.bootstrapServers(),
                URI.create("/mma/referral-benchmark"))) {
            publisher.publish(records.institutions());
            publisher.publish(records.alliances());
            publisher.publish(records.guidanceCatalogue());
            publisher.publish(routes.capacity(sessionDate, SessionPeriod.AM, reservedPerPool, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        say("published %d institutions and %d sessions of %d reserved slots each (%s AM) for %d senders",
                records.institutions().size(), routes.pools().size(), reservedPerPool, sessionDate, routes.senders().size());

        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(work.resolve("keys"));
        TokenMinter minter = TokenMinter.forKeys(keys);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ReferralPlan plan = new ReferralPlan(routes, institution -> tokens.computeIfAbsent(institution, id -> minter.mint(
                TokenClaims.forSubject("doctor-at-" + id, "institution-user").atInstitution(id).validFor(TOKEN_LIFETIME))),
                sessionDate, SessionPeriod.AM, seed);

        List<String> jvm = new ArrayList<>(List.of(serviceJvmOptions.trim().split("\\s+")));
        serviceProperties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        ServiceJvm service = resources.remember(ServiceJvm.start("referral-service", jar, freePort(),
                ServiceConfiguration.of(kafka, keys, postgres, "referral"), jvm, work.resolve("logs/referral-service.log")));
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        resources.remember(callbacks::shutdownNow);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(callbacks).build();
        service.awaitReady(http);
        say("referral-service ready at %s (pid %d, log %s)", service.baseUrl(), service.javaPid(), service.log());

        ServiceReadiness readiness = new ServiceReadiness(http, service.baseUrl(), SETUP_TIMEOUT);
        readiness.awaitMatrix(plan.planned(0));
        readiness.awaitReservedPools(routes, plan, sessionDate, reservedPerPool);
        say("matrix and reserved pools loaded");

        PostgresStatements statements = new PostgresStatements(postgres.jdbcUrl("referral"), postgres.username(), postgres.password());
        statements.installOrSay();
        ReferralEventLedger ledger = resources.remember(new ReferralEventLedger(kafka.bootstrapServers()));
        CallRecorder recorder = new CallRecorder();
        ExpectedEvents expected = new ExpectedEvents();
        OpenLoopSchedule schedule = OpenLoopSchedule.of(System.nanoTime() + Duration.ofMillis(500).toNanos(),
                warmupReferralRate, warmup.toSeconds(), referralRate, duration.toSeconds());
        ledger.measureLagFrom(Instant.now().plusNanos(schedule.measuredStartNanos() - System.nanoTime()));
        long servicePid = service.javaPid();
        MemorySampler sampler = resources.remember(new MemorySampler(servicePid, Duration.ofMillis(500)));
        say("create → accept → schedule: %d s warm-up rising from %,.0f referrals/s, then %d s measured at %,.0f referrals/s",
                warmup.toSeconds(), warmupReferralRate, duration.toSeconds(), referralRate);
        CpuSplit cpu = new CpuSplit().trackProcess(ReferralReport.SERVICE, servicePid)
                .trackProcess(ReferralReport.HARNESS, ProcessHandle.current().pid())
                .trackTree(ReferralReport.POSTGRES, CpuSplit.postmasterPid(postgres)).trackTree(ReferralReport.KAFKA, kafka.brokerPid());
        // The window's first readings (CPU from /proc, PostgreSQL's statement counters) are taken off the
        // sending thread: a delayed send is charged to the service as latency (open loop).
        ExecutorService windowStart = Executors.newSingleThreadExecutor();
        resources.remember(windowStart::shutdownNow);
        CompletableFuture<Optional<PostgresStatements.Snapshot>> statementsAtStart = new CompletableFuture<>();
        new ReferralDriver(service.baseUrl(), Duration.ofMillis(timeoutMillis), plan, recorder, expected, connections)
                .run(schedule, Duration.ofMillis(timeoutMillis * 6).plusSeconds(30), () -> statementsAtStart.completeAsync(() -> {
                    cpu.start(System.nanoTime());
                    return statements.snapshotOrSay();
                }, windowStart));
        // Joined first: the window's start readings were taken on the other thread (completeAsync completes the
        // future exceptionally if they throw, so this cannot wait forever).
        Optional<PostgresStatements.Snapshot> statementsBefore = statementsAtStart.get(2, TimeUnit.MINUTES);
        // From the first measured referral's due time to the last answer: warm-up's JIT work left out.
        CpuSplit.Window cpuWindow = cpu.end(System.nanoTime());
        List<PostgresStatements.Figures> topStatements = statements.sinceOrSay(statementsBefore);
        String loadAfter = loadAverage();
        boolean allSeen = ledger.awaitAll(expected, Duration.ofSeconds(60));
        long maxRssKib = sampler.stop();
        if (!service.isAlive()) {
            throw new IllegalStateException("referral-service died during the run; see " + service.log());
        }
        if (!allSeen) {
            say("some expected events were still missing from %s after 60 s", cn.hunan.mma.events.topic.Topics.REFERRALS.name());
        }
        ReferralReport report = new ReferralReport(schedule, recorder, expected, ledger.check(expected), ledger.relayLagMicros(),
                ledger.consumedLagMicros(), ledger.withoutHeaders(), maxRssKib, cpuWindow, topStatements, loadBefore, loadAfter);
        System.out.println(report.text());
        say("command: deploy/benchmark referral --area %s --seed %d --rate %.0f --duration %d --warmup %d --warmup-rate %.0f",
                area, seed, referralRate, duration.toSeconds(), warmup.toSeconds(), warmupReferralRate);
    }
}

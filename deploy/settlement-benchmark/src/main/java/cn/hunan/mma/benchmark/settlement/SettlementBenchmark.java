package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.CpuSplit;
import cn.hunan.mma.benchmark.support.MemorySampler;
import cn.hunan.mma.benchmark.support.Benchmarks;
import cn.hunan.mma.benchmark.support.PostgresStatements;
import cn.hunan.mma.benchmark.support.ProcessCpu;
import cn.hunan.mma.benchmark.support.Resources;
import cn.hunan.mma.benchmark.support.ServiceJvm;
import cn.hunan.mma.benchmark.support.SummaryTable;
import cn.hunan.mma.benchmark.support.TargetLine;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.infra.LocalPostgres;
import cn.hunan.mma.infra.ServiceConfiguration;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.simulator.matrix.Alliance;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.HospitalMatrix;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.matrix.MatrixRecords;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.reference.Area;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static cn.hunan.mma.benchmark.support.Benchmarks.freePort;
import static cn.hunan.mma.benchmark.support.Benchmarks.loadAverage;
import static cn.hunan.mma.benchmark.support.Benchmarks.say;

/**
 * {@code deploy/benchmark settlement}: a fresh PostgreSQL, Kafka and insurance-settlement-service
 * (its own JVM, configured as {@code deploy/run} configures it); the province matrix published on
 * the matrix topics; then a backlog of discharges produced to {@code mma.care.inpatient} while the
 * service is stopped, and the time the restarted service takes to settle it (rows in
 * {@code case_settlement}) and to publish every {@code CaseSettled} (the outbox relay); then one
 * period close of every close-knit alliance through the API. Exits 0 whether or not the targets
 * are met; everything started is stopped on the way out, Ctrl-C included.
 */
@Command(name = "settlement", mixinStandardHelpOptions = true,
        description = "Benchmarks insurance-settlement-service: case settlement through Kafka, then the period close of every alliance.")
public final class SettlementBenchmark implements Callable<Integer> {

    static final long PROVINCE_DISCHARGES = 15_000_000L;
    private static final double TARGET_CASES_PER_SECOND = 100_000;
    private static final double TARGET_CLOSE_SECONDS = 60;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(6);
    private static final int CLOSE_STATEMENTS = 8;
    private static final Duration SLOW_CLOSE_STATEMENT = Duration.ofMillis(1500);

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    @Option(names = "--smoke", description = "A short check of the harness: 湘潭 (430300), 20,000 discharges.")
    boolean smoke;

    @Option(names = "--area", description = "Matrix area. Default: 43, all Hunan (430300 with --smoke).")
    String area;

    @Option(names = "--discharges", description = "Discharges produced. Default: 15,000,000, the province's year (20,000 with --smoke).")
    Long discharges;

    @Option(names = "--seed", defaultValue = "42", description = "Matrix and discharge seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--episode-every", defaultValue = "20",
            description = "Every n-th discharge is the second stay of a referral episode (0: none). Default: ${DEFAULT-VALUE}")
    int episodeEvery;

    @Option(names = "--correction-every", defaultValue = "1000",
            description = "Discharge n × k + 1 corrects discharge n × k (0: none). Default: ${DEFAULT-VALUE}")
    int correctionEvery;

    @Option(names = "--period", defaultValue = "2025-H1", description = "The period closed. Default: ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--given-close-inputs", description = "Closes giving every input (members' bases and levels, partners and "
            + "their cases, actual spend, both referral rates), as before 2026-11-24 (6); by default the service works them out.")
    boolean givenCloseInputs;

    @Option(names = "--close-parallel", defaultValue = "4", description = "Closes in flight at once. Default: ${DEFAULT-VALUE}")
    int closeParallel;

    @Option(names = "--service-jar", description = "Default: insurance-settlement-service/target/quarkus-app/quarkus-run.jar")
    Path serviceJar;

    @Option(names = "--service-jvm-options", defaultValue = "-Xmx1g -XX:+UseParallelGC",
            description = "The service's JVM options, space-separated. Default: ${DEFAULT-VALUE}")
    String serviceJvmOptions;

    @Option(names = "--service-property", description = "Extra service configuration, key=value (repeatable)")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SettlementBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return Benchmarks.run(this::run);
    }

    private void run(Resources resources) throws Exception {
        Path work = projectRoot.resolve(".local/benchmark/settlement").toAbsolutePath();
        Path jar = Benchmarks.serviceJar(serviceJar, projectRoot, "insurance-settlement-service");
        Files.createDirectories(work.resolve("logs"));
        KafkaSettings.quietClientLogs();
        String areaCode = area != null ? area : smoke ? "430300" : "43";
        long count = discharges != null ? discharges : smoke ? 20_000 : PROVINCE_DISCHARGES;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        say("load average at start: %s", loadAverage());

        say("generating the matrix of %s (seed %d)", areaCode, seed);
        HospitalMatrix province = MatrixGenerator.generate(MatrixOptions.defaults(seed));
        AreaMatrix matrix = AreaMatrix.of(province, Area.parse(areaCode));
        MatrixRecords records = new MatrixRecords(matrix);
        List<Alliance> closeKnit = matrix.alliances().stream().filter(Alliance::closeKnit).toList();
        DischargeGenerator generator = new DischargeGenerator(
                matrix.institutions().stream().filter(DischargeGenerator::admitsInpatients).toList(), drgGroups(), seed, episodeEvery, correctionEvery);
        say("%,d institutions, %,d alliances (%,d close-knit), %,d discharges", matrix.institutions().size(),
                matrix.alliances().size(), closeKnit.size(), count);

        LocalPostgres postgres = resources.remember(LocalPostgres.startFresh(work.resolve("postgres")));
        postgres.stopOnlyWhenClosed();
        postgres.createDatabase("settlement");
        LocalKafka kafka = resources.remember(LocalKafka.startFresh(work.resolve("kafka")));
        kafka.stopOnlyWhenClosed();
        KafkaSettings.createTopics(kafka.bootstrapServers(), (short) 1);
        say("PostgreSQL on port %d, Kafka at %s", postgres.port(), kafka.bootstrapServers());
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(work.resolve("keys"));
        String officer = TokenMinter.forKeys(keys).mint(TokenClaims.forSubject("benchmark-officer", "insurance-officer")
                .inProvince("430000").validFor(TOKEN_LIFETIME));
        Map<String, String> config = ServiceConfiguration.of(kafka, keys, postgres, "settlement");
        List<String> jvm = new ArrayList<>(List.of(serviceJvmOptions.trim().split("\\s+")));
        serviceProperties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        int port = freePort();

        // 1. The matrix, while the service runs: institutions must be known before a discharge is settled.
        ServiceJvm first = resources.remember(ServiceJvm.start("insurance-settlement-service", jar, port, config, jvm,
                work.resolve("logs/insurance-settlement-service-matrix.log")));
        first.awaitReady(http);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "settlement-benchmark"));
             SettlementProgress progress = new SettlementProgress(postgres.jdbcUrl("settlement"), postgres.username(),
                     postgres.password(), kafka.bootstrapServers())) {
            publish(producer, Topics.INSTITUTIONS, records.institutions());
            publish(producer, Topics.ALLIANCES, records.alliances());
            // Primary-level diseases are paid with the area's one coefficient: the catalogue decides which.
            publish(producer, Topics.GUIDANCE_CATALOGUE, records.guidanceCatalogue());
            producer.flush();
            awaitRows(progress, "SELECT count(*) FROM institution", matrix.institutions().size());
            awaitRows(progress, "SELECT count(*) FROM alliance", matrix.alliances().size());
            awaitRows(progress, "SELECT count(*) FROM guidance_catalogue", records.guidanceCatalogue().size());
            say("matrix known to the service: %,d institutions, %,d alliances, %,d guidance catalogue entries",
                    matrix.institutions().size(), matrix.alliances().size(), records.guidanceCatalogue().size());
            first.close();
            // Before the load, the schema migrated by the first run: creating the extension changes the catalog.
            PostgresStatements statements = new PostgresStatements(postgres.jdbcUrl("settlement"), postgres.username(),
                    postgres.password());
            statements.installOrSay();
            SlowClosePlans slowClosePlans = new SlowClosePlans(postgres.jdbcUrl("settlement"), postgres.username(),
                    postgres.password());
            slowClosePlans.preload();

            // 2. The backlog, produced while the service is stopped, so that producing does not share the cores with settling.
            long produceStart = System.nanoTime();
            produceDischarges(producer, generator, count);
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            say("produced %,d discharges in %.1f s (%,.0f/s)", count, produceSeconds, count / produceSeconds);

            // 3. The service drains it.
            say("load average before settling: %s", loadAverage());
            ServiceJvm service = resources.remember(ServiceJvm.start("insurance-settlement-service", jar, port, config, jvm,
                    work.resolve("logs/insurance-settlement-service.log")));
            long started = System.nanoTime();
            service.awaitReady(http);
            // CPU from readiness (start-up excluded) to the last CaseSettled published; the cases published
            // before readiness are left out of the per-case figure with the CPU they took.
            ServiceCpu cpuAtReady = ServiceCpu.read(service.javaPid());
            // The whole box over the same window: the service, PostgreSQL, the broker and this JVM; and the machine's
            // busy CPU, for what the neighbours took.
            CpuSplit boxCpu = DrainCpu.split(service.javaPid(), CpuSplit.postmasterPid(postgres), kafka.brokerPid());
            boxCpu.start(System.nanoTime());
            long boxBusyAtReady = ProcessCpu.boxBusyMillis();
            Optional<PostgresStatements.Snapshot> statementsAtReady = statements.snapshotOrSay();
            long publishedAtReady = progress.sample().published();
            MemorySampler memory = resources.remember(new MemorySampler(service.javaPid(), Duration.ofMillis(500)));
            Drain drain = Drain.await(progress, count, generator.corrections(count), started, STALL_TIMEOUT, Benchmarks::say);
            ServiceCpu drainCpu = ServiceCpu.read(service.javaPid()).since(cpuAtReady);
            CpuSplit.Window boxWindow = boxCpu.end(System.nanoTime());
            long boxBusyAtEnd = ProcessCpu.boxBusyMillis();
            List<PostgresStatements.Figures> drainStatements = statements.sinceOrSay(statementsAtReady);
            long casesAfterReady = drain.last().published() - publishedAtReady;
            DrainCpu whole = new DrainCpu(boxWindow, casesAfterReady, Runtime.getRuntime().availableProcessors(),
                    boxBusyAtReady < 0 || boxBusyAtEnd < 0 ? -1 : boxBusyAtEnd - boxBusyAtReady);
            say("load average after settling: %s", loadAverage());

            // 4. One period close of every close-knit alliance.
            say("closing %s for %,d alliances, %d at a time …", period, closeKnit.size(), closeParallel);
            slowClosePlans.logSlowerThan(SLOW_CLOSE_STATEMENT);
            say("plans of the closes' statements over %,d ms and lock waits over 1 s: %s", SLOW_CLOSE_STATEMENT.toMillis(),
                    work.resolve("postgres.log"));
            SettlementProgress.Upkeep upkeepBefore = progress.upkeep("case_settlement");
            Optional<PostgresStatements.Snapshot> statementsBeforeClose = statements.snapshotOrSay();
            PeriodCloses.Result closes = new PeriodCloses(http, service.baseUrl(), officer, province, seed, !givenCloseInputs)
                    .closeAll(closeKnit, period, closeParallel);
            List<PostgresStatements.Figures> closeStatements = statements.sinceOrSay(statementsBeforeClose);
            String closeUpkeep = upkeepBefore.until(progress.upkeep("case_settlement"));
            long rss = memory.stop();
            if (closes.firstFailure() != null) {
                say("%d closes failed; the first: %s", closes.failed(), closes.firstFailure());
            }
            report(count, produceSeconds, drain, closes, rss, progress,
                    () -> {
                        reportCpu(drainCpu, cpuAtReady.known(), casesAfterReady, publishedAtReady);
                        whole.lines().forEach(System.out::println);
                        new DrainStatements(drainStatements, casesAfterReady).lines().forEach(System.out::println);
                        closeLines(closeStatements, closeUpkeep).forEach(System.out::println);
                    });
        }
    }

    private void report(long count, double produceSeconds, Drain drain, PeriodCloses.Result closes, long rssKib,
                        SettlementProgress progress, Runnable cpu) throws Exception {
        long settledRows = progress.count("SELECT count(*) FROM case_settlement");
        long expertReview = progress.count("SELECT count(*) FROM case_settlement WHERE outlier = 'EXPERT_REVIEW'");
        System.out.println();
        System.out.println("== insurance-settlement-service benchmark (" + Instant.now() + ") ==");
        System.out.printf("discharges produced           %,d (%.1f s to produce)%n", count, produceSeconds);
        System.out.printf("settled rows                  %,d (expert review %,d); dead-lettered %,d%n", settledRows, expertReview,
                drain.last().deadLettered());
        System.out.printf("settled (DB) in               %.1f s → %,.0f cases/s (steady 10–90%%: %,.0f cases/s)%n",
                drain.settledSeconds(), drain.settledRate(), drain.steadySettledRate());
        System.out.printf("published (CaseSettled) in    %.1f s → %,.0f cases/s%n", drain.publishedSeconds(), drain.publishedRate());
        // The samples above are once a second, and the settled rows come from statistics a backend
        // flushes lazily (up to ~10 s late when its connection goes idle): these come from the data.
        double stampedSettle = progress.settledSpanSeconds();
        double firstToLastRecord = Duration.between(progress.firstSettledAt(),
                progress.lastRecordAt(Topics.CASE_SETTLEMENTS.name(), Topics.CASE_SETTLEMENTS.partitions())).toNanos() / 1e9;
        System.out.printf("from the data                 settled_at first→last %.1f s (%,.0f cases/s); "
                        + "first settled_at → last CaseSettled sent %.1f s (%,.0f cases/s through Kafka)%n",
                stampedSettle, settledRows / stampedSettle, firstToLastRecord, drain.last().published() / firstToLastRecord);
        if (count != PROVINCE_DISCHARGES && drain.publishedRate() > 0) {
            System.out.printf("extrapolated to %,d:   %.0f s to settle, %.0f s to publish%n", PROVINCE_DISCHARGES,
                    PROVINCE_DISCHARGES / drain.settledRate(), PROVINCE_DISCHARGES / drain.publishedRate());
        }
        long[] millis = closes.millis().stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("period close                  %,d alliances closed (%d failed) in %.1f s; one close: median %,d ms, slowest %,d ms%n",
                closes.closed(), closes.failed(), closes.seconds(), millis.length == 0 ? 0 : millis[millis.length / 2],
                millis.length == 0 ? 0 : millis[millis.length - 1]);
        System.out.printf("service max RSS               %,d MiB%n", rssKib / 1024);
        System.out.printf("load average                  %s%n", loadAverage());
        cpu.run();
        System.out.println();
        System.out.print(SummaryTable.text(List.of(
                atLeast("cases settled/s, through Kafka", TARGET_CASES_PER_SECOND, drain.publishedRate()),
                TargetLine.atMost("period close of all alliances", TARGET_CLOSE_SECONDS,
                        closes.failed() == 0 ? Math.round(closes.seconds() * 10) / 10.0 : Double.NaN, "s"))));
    }

    /** Where the closes' time went in PostgreSQL, and what autovacuum did to {@code case_settlement} meanwhile. */
    private static List<String> closeLines(List<PostgresStatements.Figures> statements, String upkeep) {
        List<String> lines = new ArrayList<>();
        lines.add("case_settlement during the closes: " + upkeep);
        if (!statements.isEmpty()) {
            lines.add(String.format("PostgreSQL statements during the closes (pg_stat_statements), the %d with the most executor time:",
                    Math.min(CLOSE_STATEMENTS, statements.size())));
            lines.add(PostgresStatements.table(statements.subList(0, Math.min(CLOSE_STATEMENTS, statements.size())), 110).stripTrailing());
        }
        return lines;
    }

    private static void reportCpu(ServiceCpu cpu, boolean known, long cases, long publishedAtReady) {
        if (!known || cases <= 0) {
            System.out.println("service CPU                   not measured (no /proc, or nothing published after readiness)");
            return;
        }
        System.out.printf("service CPU while draining    %.2f core-s for %,d cases published after readiness (%,d before) → "
                + "%.2f core-s per 100,000 cases (%.0f µs per case); by thread:%n", cpu.seconds(), cases, publishedAtReady,
                cpu.seconds() * 100_000.0 / cases, cpu.seconds() * 1e6 / cases);
        cpu.lines(10).forEach(line -> System.out.println("    " + line));
    }

    /** TargetLine has only "at most"; the unit goes in {@code what} to keep the table's columns. */
    static TargetLine atLeast(String what, double goal, double measured) {
        String target = String.format("≥ %,.0f", goal);
        if (Double.isNaN(measured) || measured <= 0) {
            return new TargetLine(what, target, "n/a", TargetLine.Verdict.NOT_MEASURED);
        }
        return new TargetLine(what, target, String.format("%,.0f", measured),
                measured >= goal ? TargetLine.Verdict.PASS : TargetLine.Verdict.MISS);
    }

    private static <K, V extends ContractRecord> void publish(KafkaProducer<byte[], byte[]> producer, Topic<K, V> topic, List<V> values) {
        for (V value : values) {
            producer.send(new ProducerRecord<>(topic.name(), topic.keyText(topic.keyOf(value)).getBytes(StandardCharsets.UTF_8),
                    ContractCodec.standard().encode(value)));
        }
    }

    private static void produceDischarges(KafkaProducer<byte[], byte[]> producer, DischargeGenerator generator, long count) {
        long reportEvery = Math.max(1, count / 10);
        for (long index = 0; index < count; index++) {
            producer.send(new ProducerRecord<>(Topics.INPATIENT.name(), generator.key(index).getBytes(StandardCharsets.UTF_8),
                    generator.json(index)));
            if ((index + 1) % reportEvery == 0) {
                say("  produced %,d", index + 1);
            }
        }
        producer.flush();
    }

    private static void awaitRows(SettlementProgress progress, String countQuery, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long seen;
        while ((seen = progress.count(countQuery)) < expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(countQuery + " gave " + seen + " after 10 min, expected " + expected);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** The DRG groups the service can price: those of the real weights table with a weight. */
    private List<DischargeGenerator.Group> drgGroups() throws IOException {
        Path csv = projectRoot.resolve("insurance-settlement-service/src/main/resources/drg/chs_drg_changsha_2023.csv");
        List<DischargeGenerator.Group> groups = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines.readLine();
            for (String line; (line = lines.readLine()) != null; ) {
                String[] cells = line.split(",", -1);
                if (cells.length > 2 && !cells[2].isBlank()) {
                    groups.add(new DischargeGenerator.Group(cells[0], Double.parseDouble(cells[2])));
                }
            }
        }
        return groups;
    }

}

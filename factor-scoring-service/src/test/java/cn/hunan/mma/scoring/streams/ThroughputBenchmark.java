package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.simulator.io.MatrixFiles;
import cn.hunan.mma.simulator.oracle.Oracle;
import cn.hunan.mma.simulator.oracle.OracleReport;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throughput of the scorer, not part of the normal suite (tag {@value #TAG}):
 * <pre>
 * ./mvnw -o -pl factor-scoring-service verify -Dgroups=benchmark -DexcludedGroups=none \\
 *     -Dbenchmark.area=430382 -Dbenchmark.from=2025-03-29 -Dbenchmark.days=5 [-Dbenchmark.driver-lines=2000] [-Dbenchmark.streams.&lt;setting&gt;=…]
 * </pre>
 * The topology pass feeds the event file to the real topology in {@link TopologyTestDriver} (topology
 * CPU alone: decoding, ledger, attribution, totals, RocksDB); the broker pass replays it into the real
 * broker and runs the topology with the service's Kafka Streams settings (exactly-once), timing until
 * the totals equal the oracle. Both print events/s over the file's lines.
 */
@Tag(ThroughputBenchmark.TAG)
class ThroughputBenchmark {

    static final String TAG = "benchmark";

    @TempDir
    Path work;

    private static OracleWorkload workload() {
        return OracleWorkload.of(System.getProperty("benchmark.area", "430382"), System.getProperty("benchmark.from", "2025-03-29"),
                Integer.getInteger("benchmark.days", 5));
    }

    @Test
    void topology_alone() throws IOException {
        OracleWorkload workload = workload();
        RuleSet seed = RuleSetJson.seed();
        ContractCodec codec = ContractCodec.standard();
        java.util.Properties config = ScorerStreamsConfig.of("scoring-benchmark", "unused:9092", work.resolve("state"));
        // The driver commits after every record; under exactly-once that also writes a checkpoint file per record.
        config.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG, org.apache.kafka.streams.StreamsConfig.AT_LEAST_ONCE);
        try (TopologyTestDriver driver = new TopologyTestDriver(new ScoringTopology(seed,
                new ScoringSettings(codec, Duration.ofDays(15), Duration.ofSeconds(30), seed, Clock.systemUTC())).build(), config)) {
            TestInputTopic<String, byte[]> institutions = driver.createInputTopic(Topics.INSTITUTIONS.name(), new StringSerializer(), new ByteArraySerializer());
            MatrixFiles.institutions(workload.matrix()).forEach(i -> institutions.pipeInput(i.institutionId().value(), codec.encode(i)));
            TestInputTopic<String, byte[]> alliances = driver.createInputTopic(Topics.ALLIANCES.name(), new StringSerializer(), new ByteArraySerializer());
            MatrixFiles.alliances(workload.matrix()).forEach(a -> alliances.pipeInput(a.allianceId().value(), codec.encode(a)));
            Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
            long limit = Long.getLong("benchmark.driver-lines", Long.MAX_VALUE);
            long started = System.nanoTime();
            long lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(workload.events())),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null && lines < limit; line = reader.readLine()) {
                    String[] parts = line.split("\t", 3);
                    inputs.computeIfAbsent(parts[0], topic -> driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()))
                            .pipeInput(parts[1].getBytes(StandardCharsets.UTF_8), parts[2].getBytes(StandardCharsets.UTF_8));
                    lines++;
                }
            }
            driver.advanceWallClockTime(LedgerProcessor.FORWARD_INTERVAL);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("benchmark topology alone: %,d lines in %.1f s: %,.0f events/s%n", lines, seconds, lines / seconds);
            if (limit == Long.MAX_VALUE) {
                TotalsReader totals = new TotalsReader(driver.getKeyValueStore(ScoringTopology.TOTALS_STORE));
                assertThat(OracleComparison.differences(workload.oracle(), totals::totals)).isEmpty();
            }
        }
    }

    @Test
    void through_the_broker_with_exactly_once() {
        OracleWorkload workload = workload();
        String bootstrap = RealKafkaTestResource.bootstrapServers();
        workload.publishMatrix(bootstrap);
        RuleSet seed = RuleSetJson.seed();
        ScoringTopology.ensureOwnTopics(bootstrap);
        // The service's grace by default: months close by the slowest input partition's progress, so an uneven replay
        // no longer closes a month before its last records arrive (-Dbenchmark.grace=P400D keeps every month open).
        Duration grace = Duration.parse(System.getProperty("benchmark.grace", "P15D"));
        System.out.println("benchmark replay grace " + grace);
        try (KafkaStreams streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(),
                grace, Duration.ofSeconds(30), seed, Clock.systemUTC())).build(),
                withOverrides(ScorerStreamsConfig.of("scoring-benchmark-" + UUID.randomUUID(), bootstrap, work.resolve("state"))))) {
            streams.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            long started = System.nanoTime();
            double cpuBefore = scorerCpuSeconds(streams);
            double sent;
            double seconds;
            try (Profile profile = Profile.startIfAsked()) {
                workload.replay(bootstrap);
                sent = (System.nanoTime() - started) / 1e9;
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> differences(streams, workload).isEmpty());
                seconds = (System.nanoTime() - started) / 1e9;
            }
            double cpu = scorerCpuSeconds(streams) - cpuBefore;
            System.out.printf("benchmark through the broker: %,d lines sent in %.1f s, totals equal the oracle after %.1f s: %,.0f events/s;"
                            + " scorer threads used %.1f CPU-s: %,.0f events per CPU-second; load average %.2f%n",
                    workload.lines(), sent, seconds, workload.lines() / seconds, cpu, workload.lines() / cpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * A generated area and period through the broker without the oracle (which holds every event id in memory:
     * too much for a year), for long replays such as a 湘潭 year:
     * <pre>
     * ./mvnw -o -pl factor-scoring-service verify -Dtest='ThroughputBenchmark#replay_an_area_period' -DexcludedGroups=none \
     *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.area=430300 -Dbenchmark.from=2025-01-01 -Dbenchmark.days=365
     * </pre>
     * The events are generated with the simulator's "typical" fault rates into {@code target/replays/} (kept, and reused
     * when the same area and period are asked again). Timing starts with the first record sent and ends when the scorer
     * has committed every input record and consumed its internal topics (consumer-group lag, read committed).
     */
    @Test
    void replay_an_area_period() throws Exception {
        String area = System.getProperty("benchmark.area", "430300");
        String from = System.getProperty("benchmark.from", "2025-01-01");
        int days = Integer.getInteger("benchmark.days", 7);
        Path directory = Files.createDirectories(Path.of("target", "replays", area + "-" + from + "-" + days));
        Path matrix = directory.resolve("matrix");
        Path events = directory.resolve("events.jsonl.gz");
        if (!Files.exists(events)) {
            long generating = System.nanoTime();
            OracleWorkload.simulate("matrix", "--area", area, "--out", matrix.toString());
            OracleWorkload.simulate("events", "--area", area, "--from", from, "--days", Integer.toString(days), "--faults", "typical",
                    "--no-progress", "--out", events.toString());
            System.out.printf("benchmark replay: generated %s in %.0f s%n", events, (System.nanoTime() - generating) / 1e9);
        }
        long lines = countLines(events);
        String bootstrap = RealKafkaTestResource.bootstrapServers();
        OracleWorkload.simulate("matrix", "--area", area, "--bootstrap-servers", bootstrap);
        RuleSet seed = RuleSetJson.seed();
        ScoringTopology.ensureOwnTopics(bootstrap);
        String applicationId = "scoring-replay-" + UUID.randomUUID();
        // The service's grace by default: months close by the slowest input partition's progress, so an uneven replay
        // no longer closes a month before its last records arrive (-Dbenchmark.grace=P400D keeps every month open).
        Duration grace = Duration.parse(System.getProperty("benchmark.grace", "P15D"));
        System.out.println("benchmark replay grace " + grace);
        try (KafkaStreams streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(),
                grace, Duration.ofSeconds(30), seed, Clock.systemUTC())).build(),
                withOverrides(ScorerStreamsConfig.of(applicationId, bootstrap, work.resolve("state"))));
             org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                     Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            streams.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            long started = System.nanoTime();
            double cpuBefore = scorerCpuSeconds(streams);
            OracleWorkload.simulate("replay", events.toString(), "--bootstrap-servers", bootstrap, "--no-progress");
            double sent = (System.nanoTime() - started) / 1e9;
            ConsumerLag lag = new ConsumerLag(admin, applicationId);
            DiskPeak broker = new DiskPeak(brokerDataDirectory());
            DiskPeak state = new DiskPeak(work.resolve("state"));
            await().atMost(Duration.ofHours(12)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                broker.sample();
                state.sample();
                return lag.caughtUpThreeTimesInARow();
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = scorerCpuSeconds(streams) - cpuBefore;
            System.out.printf("benchmark replay %s from %s, %d days: %,d lines sent in %.1f s, counted after %.1f s: %,.0f events/s;"
                            + " scorer threads used %.1f CPU-s: %,.0f events per CPU-second; load average %.2f;"
                            + " broker data %s (peak %s), scorer state %s (peak %s)%n",
                    area, from, days, lines, sent, seconds, lines / seconds, cpu, lines / cpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    DiskPeak.text(broker.now()), DiskPeak.text(broker.peak), DiskPeak.text(state.now()), DiskPeak.text(state.peak));
            if (Boolean.getBoolean("benchmark.oracle")) {
                compareWithTheOracle(streams, events, matrix);
            }
        }
    }

    /** -Dbenchmark.oracle=true: after the replay, the simulator's oracle over the same file, figure by figure. */
    private static void compareWithTheOracle(KafkaStreams streams, Path events, Path matrix) throws IOException {
        long computing = System.nanoTime();
        OracleReport oracle = new Oracle(Clock.systemUTC()).run(events, matrix);
        TotalsReader totals = TotalsReader.of(streams);
        List<String> differences = OracleComparison.differences(oracle, totals::totals);
        System.out.printf("benchmark replay oracle: %,d lines, %,d counted, %,d duplicates, %,d corrections, %d scopes,"
                        + " computed and compared in %.0f s: %d differences%n",
                oracle.delivery().lines(), oracle.delivery().countedTotal(), oracle.delivery().duplicatesIgnored(),
                oracle.delivery().corrections(), oracle.scopes().size(), (System.nanoTime() - computing) / 1e9, differences.size());
        assertThat(differences).as("the replay's totals against the oracle").isEmpty();
    }

    /** The shared test broker's data directory ({@code mma-kafka-*} under {@code java.io.tmpdir}, i.e. {@code target/}). */
    private static Path brokerDataDirectory() throws IOException {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("mma-kafka-"))
                    .max(java.util.Comparator.comparingLong(dir -> dir.toFile().lastModified())).orElseThrow();
        }
    }

    /** Bytes on disk under a directory, sampled every second while the replay runs. */
    private static final class DiskPeak {
        private final Path directory;
        private long peak;

        DiskPeak(Path directory) {
            this.directory = directory;
        }

        void sample() {
            peak = Math.max(peak, now());
        }

        /** {@code du -sk}: blocks in use, not file lengths (the broker's index files are preallocated sparse files). */
        long now() {
            try {
                Process du = new ProcessBuilder("du", "-sk", directory.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                du.waitFor();
                return out.isEmpty() ? 0 : Long.parseLong(out.split("\\s+")[0]) * 1024;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        static String text(long bytes) {
            return String.format("%.2f GB", bytes / 1e9);
        }
    }

    private static long countLines(Path events) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(events)),
                StandardCharsets.UTF_8))) {
            return reader.lines().count();
        }
    }

    /**
     * The scorer's consumer group against the end of its topics (read committed): caught up when every input
     * partition is consumed to its end and every internal one to within its last transaction marker.
     */
    private static final class ConsumerLag {
        private final org.apache.kafka.clients.admin.Admin admin;
        private final String applicationId;
        private int caughtUp;

        ConsumerLag(org.apache.kafka.clients.admin.Admin admin, String applicationId) {
            this.admin = admin;
            this.applicationId = applicationId;
        }

        boolean caughtUpThreeTimesInARow() throws Exception {
            caughtUp = caughtUp() ? caughtUp + 1 : 0;
            return caughtUp >= 3;
        }

        private boolean caughtUp() throws Exception {
            List<String> topics = new java.util.ArrayList<>(ScoringTopology.INPUTS.stream().map(cn.hunan.mma.events.topic.Topic::name).toList());
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            committed.keySet().stream().map(org.apache.kafka.common.TopicPartition::topic).filter(topic -> topic.startsWith(applicationId))
                    .distinct().forEach(topics::add);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions().forEach(partition ->
                    ends.put(new org.apache.kafka.common.TopicPartition(topic, partition.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest())));
            var offsets = admin.listOffsets(ends, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get();
            for (var end : offsets.entrySet()) {
                var position = committed.get(end.getKey());
                long lag = end.getValue().offset() - (position == null ? 0 : position.offset());
                boolean internal = end.getKey().topic().startsWith(applicationId);
                if (lag > (internal ? 1 : 0)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@code -Dbenchmark.jfr=/tmp/scorer.jfr}: a Flight Recorder profile (settings "profile") of the timed part,
     * written when it ends — read it with {@code jfr print --events jdk.ExecutionSample} or {@code jfr summary}.
     */
    private record Profile(jdk.jfr.Recording recording, Path file) implements AutoCloseable {

        static Profile startIfAsked() {
            String file = System.getProperty("benchmark.jfr");
            if (file == null) {
                return new Profile(null, null);
            }
            try {
                jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
                return new Profile(recording, Path.of(file));
            } catch (IOException | java.text.ParseException e) {
                throw new IllegalStateException("cannot start the flight recording", e);
            }
        }

        @Override
        public void close() {
            if (recording == null) {
                return;
            }
            try (recording) {
                recording.dump(file);
                System.out.println("benchmark profile written to " + file.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code -Dbenchmark.streams.commit.interval.ms=1000} and the like: to try a setting before it goes into application.properties. */
    private static java.util.Properties withOverrides(java.util.Properties config) {
        String prefix = "benchmark.streams.";
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> config.put(key.substring(prefix.length()), System.getProperty(key)));
        System.out.println("benchmark streams settings: " + new java.util.TreeMap<>(config));
        return config;
    }

    /**
     * CPU time of the scorer's own threads (stream threads, their producers and consumers — every thread named
     * after the application id) (threads that ended meanwhile are missed): a figure a busy machine distorts far less than wall time.
     */
    private static double scorerCpuSeconds(KafkaStreams streams) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        String applicationId = streams.metadataForLocalThreads().iterator().next().threadName().split("-StreamThread")[0];
        long nanos = 0;
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains(applicationId)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    private static List<String> differences(KafkaStreams streams, OracleWorkload workload) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of("streams " + streams.state());
        }
        TotalsReader totals = TotalsReader.of(streams);
        // The province first: comparing every scope twice a second would take CPU from the scorer being measured.
        List<String> province = OracleComparison.differences(workload.oracle(), totals::totals,
                scope -> scope.kind() == cn.hunan.mma.events.scoring.ScoredEntityKind.PROVINCE);
        return province.isEmpty() ? OracleComparison.differences(workload.oracle(), totals::totals) : province;
    }
}

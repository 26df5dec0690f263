package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.simulator.io.MatrixFiles;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.QueryableStoreTypes;
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
        RuleSetTopic.ensureExists(bootstrap);
        try (KafkaStreams streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(),
                Duration.ofDays(15), Duration.ofSeconds(30), seed, Clock.systemUTC())).build(),
                withOverrides(ScorerStreamsConfig.of("scoring-benchmark-" + UUID.randomUUID(), bootstrap, work.resolve("state"))))) {
            streams.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            long started = System.nanoTime();
            workload.replay(bootstrap);
            double sent = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> differences(streams, workload).isEmpty());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("benchmark through the broker: %,d lines sent in %.1f s, totals equal the oracle after %.1f s: %,.0f events/s%n",
                    workload.lines(), sent, seconds, workload.lines() / seconds);
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

    private static List<String> differences(KafkaStreams streams, OracleWorkload workload) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of("streams " + streams.state());
        }
        TotalsReader totals = new TotalsReader(streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.TOTALS_STORE,
                QueryableStoreTypes.<String, MonthTotals>keyValueStore())));
        return OracleComparison.differences(workload.oracle(), totals::totals);
    }
}

package cn.hunan.mma.simulator.replay;

import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.simulator.events.EventTally;
import cn.hunan.mma.simulator.events.RunOptions;
import cn.hunan.mma.simulator.events.Simulation;
import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.MatrixCommand;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.matrix.MatrixOptions;
import cn.hunan.mma.simulator.matrix.MatrixRecords;
import cn.hunan.mma.simulator.output.ContractRecordPublisher;
import cn.hunan.mma.simulator.output.GzipEventFile;
import cn.hunan.mma.simulator.output.KafkaLineSender;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.reference.Area;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Generated files and matrices sent to a real Kafka broker (a child JVM) and counted back. */
class ReplayIntoKafkaTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static LocalKafka kafka;
    private static AreaMatrix shaoshan;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafka.start(dir.resolve("kafka"));
        KafkaSettings.createTopics(kafka.bootstrapServers(), (short) 1);
        shaoshan = AreaMatrix.of(MatrixGenerator.generate(MatrixOptions.defaults(42)), Area.parse("430382"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void every_line_of_a_replayed_file_lands_on_its_topic_with_cloud_event_headers() {
        Path file = dir.resolve("shaoshan.jsonl.gz");
        Simulation simulation = new Simulation(shaoshan, new RunOptions(42, LocalDate.of(2025, 5, 12), 1,
                FaultRates.typical(), 2, RunOptions.DEFAULT_RESERVED_EXPERT_SHARE));
        EventTally tally;
        try (GzipEventFile out = new GzipEventFile(file)) {
            tally = simulation.run(out, Simulation.Progress.NONE);
        }
        Map<String, Long> linesPerTopic = linesPerTopic(file);
        Map<String, Long> expected = plus(endOffsets(linesPerTopic.keySet()), linesPerTopic);

        ReplayReport report;
        try (KafkaLineSender sender = new KafkaLineSender(kafka.bootstrapServers(), MatrixCommand.SOURCE, "replay-test")) {
            report = new Replayer(sender).replay(file, 0, 0, sent -> { });
        }

        assertThat(report.sent()).isEqualTo(tally.linesDelivered());
        assertThat(report.acknowledged()).isEqualTo(report.sent());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(endOffsets(expected.keySet())).isEqualTo(expected));
        ConsumerRecord<byte[], byte[]> referral = firstRecord(Topics.REFERRALS);
        CloudEventAttributes attributes = ((CloudEventHeaders.Result.Present) CloudEventHeaders.read(referral.headers())).attributes();
        String value = new String(referral.value(), StandardCharsets.UTF_8);
        assertThat(value).startsWith("{\"type\":\"" + attributes.type() + "\",\"eventId\":\"" + attributes.id() + "\"");
        assertThat(value).contains("\"referralId\":\"" + new String(referral.key(), StandardCharsets.UTF_8) + "\"");
        assertThat(attributes.source()).isEqualTo(MatrixCommand.SOURCE);
    }

    @Test
    void a_fixed_rate_replay_sends_the_records_it_is_limited_to() {
        Path file = dir.resolve("shaoshan-rate.jsonl.gz");
        Simulation simulation = new Simulation(shaoshan, new RunOptions(43, LocalDate.of(2025, 5, 13), 1,
                FaultRates.none(), 2, RunOptions.DEFAULT_RESERVED_EXPERT_SHARE));
        try (GzipEventFile out = new GzipEventFile(file)) {
            simulation.run(out, Simulation.Progress.NONE);
        }
        ReplayReport report;
        try (KafkaLineSender sender = new KafkaLineSender(kafka.bootstrapServers(), MatrixCommand.SOURCE, "replay-rate-test")) {
            report = new Replayer(sender).replay(file, 20_000, 1_000, sent -> { });
        }
        assertThat(report.sent()).isEqualTo(1_000);
        assertThat(report.acknowledged()).isEqualTo(1_000);
        assertThat(report.maxLagMillis()).isNotNegative();
    }

    @Test
    void a_published_matrix_puts_one_record_per_entity_on_the_matrix_topics() {
        MatrixRecords records = new MatrixRecords(shaoshan);
        Map<String, Long> expected = plus(endOffsets(List.of(Topics.INSTITUTIONS.name(), Topics.ALLIANCES.name())), Map.of(
                Topics.INSTITUTIONS.name(), (long) records.institutions().size(),
                Topics.ALLIANCES.name(), (long) records.alliances().size()));
        try (ContractRecordPublisher publisher = new ContractRecordPublisher(kafka.bootstrapServers(), MatrixCommand.SOURCE)) {
            publisher.publish(records.institutions());
            publisher.publish(records.alliances());
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(endOffsets(expected.keySet())).isEqualTo(expected));
    }

    /** The tests share the broker's topics, so each expects its records on top of what was there. */
    private static Map<String, Long> plus(Map<String, Long> before, Map<String, Long> added) {
        Map<String, Long> sum = new TreeMap<>(before);
        added.forEach((topic, count) -> sum.merge(topic, count, Long::sum));
        return sum;
    }

    private static Map<String, Long> linesPerTopic(Path file) {
        Map<String, Long> counts = new TreeMap<>();
        try (EventFileReader reader = new EventFileReader(file)) {
            EventLine line;
            while ((line = reader.next()) != null) {
                counts.merge(line.topic(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> endOffsets(Iterable<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < Topics.DEFAULT_PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, Long> counts = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((partition, offset) ->
                    counts.merge(partition.topic(), offset.offset(), Long::sum));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list offsets", e.getCause());
        }
    }

    private static ConsumerRecord<byte[], byte[]> firstRecord(Topic<?, ?> topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
                    .mapToObj(p -> new TopicPartition(topic.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            return received.get(0);
        }
    }
}

package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path workDir;

    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.start(workDir);
        System.out.printf("LocalKafka.startupTime() = %d ms (cold child JVM)%n", kafka.startupTime().toMillis());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void listens_on_loopback() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void read_committed_consumers_see_committed_transactions_and_never_aborted_ones() throws Exception {
        kafka.createTopics(List.of(new NewTopic("settlement.ledger", 1, (short) 1)));
        try (KafkaProducer<String, String> producer = KafkaClients.transactionalProducer(kafka.bootstrapServers(), "ledger-writer")) {
            producer.initTransactions();
            producer.beginTransaction();
            KafkaClients.send(producer, "settlement.ledger", "budget-allocated", "case-settled");
            producer.commitTransaction();
            producer.beginTransaction();
            KafkaClients.send(producer, "settlement.ledger", "case-settled-twice");
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            KafkaClients.send(producer, "settlement.ledger", "period-closed");
            producer.commitTransaction();
        }

        try (KafkaConsumer<String, String> consumer = KafkaClients.readCommittedConsumer(kafka.bootstrapServers(), "ledger-auditors")) {
            assertThat(KafkaClients.readToEnd(consumer, "settlement.ledger", TIMEOUT))
                    .containsExactly("budget-allocated", "case-settled", "period-closed");
        }
    }

    @Test
    void a_consumer_group_keeps_the_offsets_it_commits() throws Exception {
        kafka.createTopics(List.of(new NewTopic("hospital.visits", 1, (short) 1)));
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers())) {
            KafkaClients.send(producer, "hospital.visits", "visit-1", "visit-2", "visit-3");
        }
        try (KafkaConsumer<String, String> consumer = KafkaClients.readCommittedConsumer(kafka.bootstrapServers(), "visit-counters")) {
            consumer.subscribe(List.of("hospital.visits"));
            int read = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read < 3 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(read).isEqualTo(3);
            consumer.commitSync();
        }

        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("visit-counters").partitionsToOffsetAndMetadata().get();
            assertThat(committed).containsOnlyKeys(new TopicPartition("hospital.visits", 0));
            assertThat(committed.get(new TopicPartition("hospital.visits", 0)).offset()).isEqualTo(3);
        }
    }

    @Test
    void creating_an_existing_topic_again_leaves_it_as_it_was() throws Exception {
        kafka.createTopics(List.of(new NewTopic("matrix.institutions", 3, (short) 1)));
        kafka.createTopics(List.of(new NewTopic("matrix.institutions", 1, (short) 1),
                new NewTopic("matrix.alliances", 2, (short) 1)));

        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(Set.of("matrix.institutions", "matrix.alliances")).allTopicNames().get();
            assertThat(topics.get("matrix.institutions").partitions()).hasSize(3);
            assertThat(topics.get("matrix.alliances").partitions()).hasSize(2);
        }
    }

    @Test
    void producing_to_an_unknown_topic_does_not_create_it() throws Exception {
        Map<String, Object> impatient = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(impatient, new StringSerializer(), new StringSerializer())) {
            // A producer's metadata request asks the broker to create the topic if auto-creation is on.
            assertThatThrownBy(() -> producer.partitionsFor("typo.in.topic.name")).isInstanceOf(TimeoutException.class);
        }
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("typo.in.topic.name");
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}

package cn.hunan.mma.simulator.output;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** How the simulator talks to Kafka: one producer configuration and the contract's topics. */
public final class KafkaSettings {

    private static final long TOPIC_TIMEOUT_SECONDS = 60;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private KafkaSettings() {
    }

    /**
     * Keeps Kafka clients at WARN unless {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} says
     * otherwise: they log their whole configuration at INFO, and a command's output is its report.
     * Call before the first Kafka client is created (SLF4J reads the level once).
     */
    public static void quietClientLogs() {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
    }

    /**
     * An idempotent producer (no duplicates from retries; {@code acks=all}) that batches up to
     * 256 KiB per partition for 10 ms and compresses batches with snappy: throughput first, since
     * the simulator is the load generator. Not lz4, though cheaper: the Quarkus BOM strips
     * lz4-java from kafka-clients, so the local broker (deploy/kafka-broker) cannot read lz4
     * batches. Keys and values are sent as the bytes the contract defines.
     */
    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /**
     * Creates every contract topic (and its dead-letter topic) that does not exist yet, and waits
     * until each partition has a leader. Producing into a partition whose leadership the broker
     * has not finished taking up fails with NOT_LEADER_OR_FOLLOWER; an idempotent producer with
     * several requests in flight can then be left retrying an out-of-order sequence for good.
     */
    public static void createTopics(String bootstrapServers, short replicationFactor) {
        List<NewTopic> topics = Topics.all().stream()
                .flatMap(topic -> Stream.of(topic.newTopic(replicationFactor),
                        new NewTopic(topic.deadLetter().name(), topic.partitions(), replicationFactor)))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "mma-simulator-topics"))) {
            admin.createTopics(topics).values().forEach((name, creation) -> {
                try {
                    creation.get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("topic " + name + " not created within " + TOPIC_TIMEOUT_SECONDS + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + name, e);
                }
            });
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        }
    }

    /**
     * Waits until every partition answers a list-offsets request, which only its leader serves:
     * a leader in the metadata is not enough, the broker takes a moment more to act as one.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TOPIC_TIMEOUT_SECONDS);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .forEach((name, topic) -> topic.partitions().forEach(partition ->
                                partitions.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                // not yet led (NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION): ask again
            } catch (TimeoutException e) {
                throw new IllegalStateException("topics have no leaders after " + TOPIC_TIMEOUT_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic leaders", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics have no leaders after " + TOPIC_TIMEOUT_SECONDS + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}

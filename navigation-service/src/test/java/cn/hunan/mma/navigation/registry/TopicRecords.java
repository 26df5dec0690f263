package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads what the outbox relay has put on a topic, from a consumer with no group (assigned partitions). */
public final class TopicRecords {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    /** Waits until records with every one of the keys are on the topic, and returns the topic's records up to then. */
    public static List<ConsumerRecord<String, byte[]>> awaitKeys(String topic, Set<String> keys) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            seen.clear();
            seen.addAll(all(topic));
            return seen.stream().map(ConsumerRecord::key).toList().containsAll(keys);
        });
        return seen;
    }

    /** Waits until a record matching the predicate is on the topic. */
    public static void awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        await().atMost(DEADLINE).until(() -> all(topic).stream().anyMatch(wanted));
    }

    /** Every record on the topic up to the end offsets at the time of the call. */
    public static List<ConsumerRecord<String, byte[]>> all(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }
}

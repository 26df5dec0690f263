package cn.hunan.mma.platform.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads a whole topic from the beginning, collecting every record that has arrived. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything received so far, in arrival order (per partition: offset order). */
    List<ConsumerRecord<String, String>> receivedUntil(Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        await("records on the topic").atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            return done.test(received);
        });
        return List.copyOf(received);
    }

    List<ConsumerRecord<String, String>> receivedAtLeast(int count, Duration timeout) {
        return receivedUntil(records -> records.size() >= count, timeout);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

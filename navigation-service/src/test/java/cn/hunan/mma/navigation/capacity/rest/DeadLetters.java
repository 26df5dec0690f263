package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Reads a dead-letter topic from the beginning with assigned partitions (no group, nothing committed). */
final class DeadLetters {

    private DeadLetters() {
    }

    static ConsumerRecord<String, byte[]> awaitRecordWithKey(String topic, String key, Duration deadline) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(deadline).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        found.set(record);
                    }
                }
                return Optional.ofNullable(found.get()).isPresent();
            });
        }
        return found.get();
    }
}

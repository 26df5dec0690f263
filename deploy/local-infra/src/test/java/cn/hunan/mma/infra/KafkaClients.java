package cn.hunan.mma.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** String producers and consumers against a test broker, and a bounded "read to the end". */
final class KafkaClients {

    private KafkaClients() {
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static KafkaProducer<String, String> transactionalProducer(String bootstrapServers, String transactionalId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> readCommittedConsumer(String bootstrapServers, String groupId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    }

    static void send(KafkaProducer<String, String> producer, String topic, String... values) {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, value, value));
        }
    }

    /**
     * Every record of a one-partition topic up to its end as this consumer sees it (for
     * read_committed, the last stable offset), so "nothing else" is part of the answer.
     */
    static List<String> readToEnd(KafkaConsumer<String, String> consumer, String topic, Duration timeout) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("did not reach offset " + end + " of " + topic + " within " + timeout
                        + "; read so far: " + values);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }
}

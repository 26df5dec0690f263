package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Contract records on their topics, keyed as the topic registry keys them: what the test broker's producers send, and
 * what the service published.
 */
public final class TestTopics {

    private TestTopics() {
    }

    public static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record and waits until the broker has it. */
    public static <K, V extends ContractRecord> void send(KafkaProducer<String, byte[]> producer, Topic<K, V> topic, V value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), topic.keyText(topic.keyOf(value)), ContractCodec.standard().encode(value))).get();
    }

    /** Sends the records in order, one after another, on a producer of their own. */
    public static <K, V extends ContractRecord> void publish(Topic<K, V> topic, List<? extends V> values) throws Exception {
        try (var producer = producer()) {
            for (V value : values) {
                send(producer, topic, value);
            }
        }
    }

    /** A published record's key, decoded value and headers. */
    public record Published<V>(String key, V value, Headers headers) {
    }

    /**
     * Reads the topic from its beginning until {@code count} records match {@code wanted} (60 s at most) and returns
     * every match read by then: a test that expects exactly {@code count} can assert the size.
     */
    public static <K, V extends ContractRecord> List<Published<V>> awaitPublished(Topic<K, V> topic, Predicate<V> wanted, int count) {
        List<Published<V>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafkaTestResource.bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    V value = ContractCodec.standard().decode(record.value(), topic.valueType()).orElseThrow();
                    if (wanted.test(value)) {
                        found.add(new Published<>(record.key(), value, record.headers()));
                    }
                }
                return found.size() >= count;
            });
            // Whatever else is already there: a second, unwanted publication shows as a larger list.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                V value = ContractCodec.standard().decode(record.value(), topic.valueType()).orElseThrow();
                if (wanted.test(value)) {
                    found.add(new Published<>(record.key(), value, record.headers()));
                }
            });
        }
        return found;
    }
}

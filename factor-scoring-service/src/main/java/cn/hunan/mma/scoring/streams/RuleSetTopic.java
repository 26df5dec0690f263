package cn.hunan.mma.scoring.streams;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compacted topic that keeps every rule-set version (key = version): Kafka is this service's
 * only store, and compaction keeps each version for good, so versions survive restarts and every
 * instance reads the same ones through a global store.
 */
public final class RuleSetTopic {

    private RuleSetTopic() {
    }

    public static void ensureExists(String bootstrapServers) {
        CompactedTopics.ensureExists(bootstrapServers, ScoringTopology.RULE_SETS_TOPIC, 1);
    }

    /** Publishes a version and waits for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, String version, byte[] json) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ScoringTopology.RULE_SETS_TOPIC, version, json)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish rule set " + version, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing rule set " + version, e);
        }
    }
}

package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/** Publishes contract records as their owners would (navigation's matrix, hospitals' capacity), acknowledged. */
final class ContractTopicProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    <K, V extends ContractRecord> void send(Topic<K, V> topic, V record) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), topic.keyText(topic.keyOf(record)),
                ContractCodec.standard().encode(record))).get();
    }

    /** A record as a producer that breaks the contract would send it: bytes as they are. */
    void sendBytes(Topic<?, ?> topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    /** A tombstone: deletes the key on a compacted topic. */
    void sendTombstone(Topic<?, ?> topic, String key) throws Exception {
        sendBytes(topic, key, null);
    }

    @Override
    public void close() {
        producer.close();
    }
}

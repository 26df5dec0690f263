package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;

/** Contract records on their topics, keyed as the topic registry keys them: what the test broker's producers send. */
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
}

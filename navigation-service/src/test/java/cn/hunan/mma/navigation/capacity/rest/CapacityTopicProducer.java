package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Sends to the capacity topic as a hospital would, and waits for the broker's acknowledgement. */
public final class CapacityTopicProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    public void send(CapacityEvent event) throws ExecutionException, InterruptedException {
        String key = Topics.CAPACITY.keyText(Topics.CAPACITY.keyOf(event));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.CAPACITY.name(), key, ContractCodec.standard().encode(event));
        CloudEventHeaders.write(record.headers(),
                CloudEventAttributes.of(event, URI.create("/hunan/institutions/" + key)));
        producer.send(record).get();
    }

    /**
     * Bytes as they are, without headers, under a real institution's key (so on that institution's partition): a
     * payload the contract refuses, or one in an older form.
     */
    public void sendRaw(String key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.CAPACITY.name(), key, value)).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}

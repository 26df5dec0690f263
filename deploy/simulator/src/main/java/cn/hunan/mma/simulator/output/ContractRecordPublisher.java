package cn.hunan.mma.simulator.output;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Publishes contract records (the matrix) on their topics: key = the topic's key of the record,
 * value = the codec's JSON, CloudEvents headers from the record. Waits for every acknowledgement.
 */
public final class ContractRecordPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final URI source;
    private final ContractCodec codec = ContractCodec.standard();
    private final java.util.concurrent.atomic.AtomicReference<Exception> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();

    public ContractRecordPublisher(String bootstrapServers, URI source) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "mma-simulator-matrix"));
        this.source = source;
    }

    /** Sends the records and waits for every acknowledgement; fails if any was not delivered. */
    public void publish(Collection<? extends ContractRecord> records) {
        for (ContractRecord record : records) {
            publish(record);
        }
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("matrix records were not all delivered: " + failure.getMessage(), failure);
        }
    }

    private void publish(ContractRecord record) {
        Topic<?, ?> topic = Topics.carrying(record.getClass())
                .orElseThrow(() -> new IllegalArgumentException(record.getClass().getSimpleName() + " has no topic"));
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, CloudEventAttributes.of(record, source));
        producer.send(new ProducerRecord<>(topic.name(), null, null, keyOf(topic, record).getBytes(StandardCharsets.UTF_8),
                codec.encode(record), headers), (metadata, error) -> {
                    if (error != null) {
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static <K, V extends ContractRecord> String keyOf(Topic<K, V> topic, ContractRecord record) {
        return topic.keyText(topic.keyOf((V) record));
    }

    @Override
    public void close() {
        producer.close();
    }
}

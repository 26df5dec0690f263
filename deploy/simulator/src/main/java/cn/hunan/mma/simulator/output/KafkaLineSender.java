package cn.hunan.mma.simulator.output;

import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends event-file records to Kafka exactly as the file holds them: the key's text as UTF-8, the
 * value's bytes unchanged, CloudEvents headers read from the value (none for a malformed value).
 * Sends are asynchronous; the send call only blocks when the producer's buffer is full. Record
 * timestamps are the send time, not {@code occurredAt}: replaying 2025 events with 2025 record
 * timestamps would put them past the topics' retention at once.
 */
public final class KafkaLineSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final URI source;
    private final Map<String, String> topicNames = new HashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long sent;

    public KafkaLineSender(String bootstrapServers, URI source, String clientId) {
        this(new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, clientId)), source);
    }

    KafkaLineSender(Producer<byte[], byte[]> producer, URI source) {
        this.producer = producer;
        this.source = source;
        Topics.all().forEach(topic -> topicNames.put(topic.name(), topic.name()));
    }

    /**
     * Fetches the metadata of every contract topic now, so the first sends do not block on it:
     * an open-loop run should not start behind its schedule.
     */
    public void prepare() {
        topicNames.keySet().forEach(producer::partitionsFor);
    }

    /** Sends one record; returns once the producer has taken it. */
    public void send(String topic, byte[] key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes attributes = CloudEventScanner.scan(value, source);
        if (attributes != null) {
            CloudEventHeaders.write(headers, attributes);
        }
        producer.send(new ProducerRecord<>(topic, null, null, key, value, headers), (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, error);
            }
        });
        sent++;
    }

    /** Sends every line of a slice of event-file lines ({@code topic TAB key TAB value NEWLINE}). */
    public void sendLines(byte[] lines) {
        EventLineScanner.scan(lines, 0, lines.length, this::sendLine);
    }

    private void sendLine(byte[] block, int start, int firstTab, int secondTab, int end) {
        send(topicName(block, start, firstTab), Arrays.copyOfRange(block, firstTab + 1, secondTab),
                Arrays.copyOfRange(block, secondTab + 1, end));
    }

    /** The topic name as a shared string: a handful of topics, millions of lines. */
    private String topicName(byte[] block, int start, int end) {
        String name = new String(block, start, end - start, StandardCharsets.UTF_8);
        return topicNames.computeIfAbsent(name, key -> key);
    }

    public long sent() {
        return sent;
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Flushes, closes, and fails if any record could not be delivered. */
    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException(failed.get() + " of " + sent + " records were not delivered; first: " + failure, failure);
        }
    }
}

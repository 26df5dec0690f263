package cn.hunan.mma.benchmark.capacity;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.envelope.CloudEventAttributes;
import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.simulator.output.KafkaSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes capacity events on {@code mma.capacity.events} as hospitals would: key = institution,
 * value = the contract's JSON, CloudEvents headers. The background stream runs open-loop on its
 * own thread (event {@code i} due at {@code start + i / rate}); probes go through the same
 * producer, so they queue behind the background like any hospital's report.
 */
public final class CapacityPublisher implements AutoCloseable {

    private static final URI SOURCE = URI.create("/mma/navigation-benchmark");
    private static final long MIN_PARK_NANOS = 50_000;

    private final Producer<byte[], byte[]> producer;
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private volatile boolean running;
    private Thread background;
    private long sent;
    private long maxLagNanos;

    public CapacityPublisher(String bootstrapServers) {
        Map<String, Object> config = KafkaSettings.producer(bootstrapServers, "navigation-benchmark-capacity");
        // Freshness is measured from the send: the simulator's 10 ms batching would add its own wait.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        this.producer = new KafkaProducer<>(config);
    }

    public void send(CapacityEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, CloudEventAttributes.of(event, SOURCE));
        byte[] key = Topics.CAPACITY.keySerde().serializer().serialize(Topics.CAPACITY.name(), Topics.CAPACITY.keyOf(event));
        byte[] value = Topics.CAPACITY.valueSerde().serializer().serialize(Topics.CAPACITY.name(), event);
        producer.send(new ProducerRecord<>(Topics.CAPACITY.name(), null, null, key, value, headers), (metadata, error) -> {
            if (error == null) {
                acknowledged.increment();
            } else {
                failed.increment();
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    /** Starts the background stream at {@code perSecond} events a second until {@link #stopBackground()}. */
    public synchronized void startBackground(CapacityEventSource source, double perSecond) {
        running = true;
        background = new Thread(() -> {
            long start = System.nanoTime();
            for (long i = 0; running; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long now = System.nanoTime();
                while (due - now > MIN_PARK_NANOS && running) {
                    LockSupport.parkNanos(due - now);
                    now = System.nanoTime();
                }
                maxLagNanos = Math.max(maxLagNanos, now - due);
                send(source.next());
                sent = i + 1;
            }
        }, "capacity-background");
        background.setDaemon(true);
        background.start();
    }

    /** Stops the stream and returns what it sent, once everything sent is acknowledged or failed. */
    public synchronized Tally stopBackground() throws InterruptedException {
        running = false;
        if (background != null) {
            background.join();
        }
        producer.flush();
        return new Tally(sent, acknowledged.sum(), failed.sum(), maxLagNanos / 1_000_000.0,
                firstFailure.get() == null ? "" : firstFailure.get().toString());
    }

    /** Events of the background stream and probes together: acknowledged + failed = all sent. */
    public record Tally(long backgroundSent, long acknowledged, long failed, double maxSendLagMillis, String firstFailure) {
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}

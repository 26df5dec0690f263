package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.events.envelope.CloudEventHeaders;
import cn.hunan.mma.events.topic.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code mma.referral.events} from the beginning on a thread of its own and keeps, per
 * referral (the record key), event type ({@code ce_type}) and event id ({@code ce_id}), how many raw
 * records arrived. Also the outbox → Kafka lag of each record: its Kafka timestamp (the relay's
 * send time; the topic keeps producer time) minus its {@code ce_time} (the outbox row's
 * {@code occurred_at}, taken when the service decided the transition, before its commit); and the
 * end-to-end lag to this consumer's poll.
 */
final class ReferralEventLedger implements AutoCloseable {

    private static final long MAX_LAG_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Map<String, Map<String, Integer>>> seen = new HashMap<>();
    private final Histogram relayLagMicros = new Histogram(MAX_LAG_MICROS, 3);
    private final Histogram consumedLagMicros = new Histogram(MAX_LAG_MICROS, 3);
    private final Thread thread;
    private volatile boolean running = true;
    private long records;
    private long withoutHeaders;
    private Instant lagFrom = Instant.MAX;

    ReferralEventLedger(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "referral-benchmark-ledger",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERRALS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::consume, "referral-event-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lags are recorded only for events that occurred from this instant on (the measured window). */
    synchronized void measureLagFrom(Instant from) {
        lagFrom = from;
    }

    private void consume() {
        try {
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(100));
                long polledAtMicros = nowMicros();
                synchronized (this) {
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        take(record, polledAtMicros);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, long polledAtMicros) {
        records++;
        if (!(CloudEventHeaders.read(record.headers()) instanceof CloudEventHeaders.Result.Present present)) {
            withoutHeaders++;
            return;
        }
        var attributes = present.attributes();
        seen.computeIfAbsent(record.key(), key -> new HashMap<>()).computeIfAbsent(attributes.type(), type -> new HashMap<>())
                .merge(attributes.id(), 1, Integer::sum);
        if (!attributes.time().isBefore(lagFrom)) {
            long occurredMicros = micros(attributes.time());
            relayLagMicros.recordValue(clamp(record.timestamp() * 1_000 - occurredMicros));
            consumedLagMicros.recordValue(clamp(polledAtMicros - occurredMicros));
        }
    }

    /** Waits until the ledger holds every expected event, or the deadline passes; true if it does. */
    boolean awaitAll(ExpectedEvents expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (check(expected).lost() == 0) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return check(expected).lost() == 0;
    }

    synchronized DeliveryCheck check(ExpectedEvents expected) {
        return DeliveryCheck.of(expected.byReferral(), expected.uncertain(), seen);
    }

    synchronized Histogram relayLagMicros() {
        return relayLagMicros.copy();
    }

    synchronized Histogram consumedLagMicros() {
        return consumedLagMicros.copy();
    }

    synchronized long records() {
        return records;
    }

    synchronized long withoutHeaders() {
        return withoutHeaders;
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(MAX_LAG_MICROS, micros));
    }

    private static long micros(Instant at) {
        return TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1_000;
    }

    private static long nowMicros() {
        return micros(Instant.now());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}

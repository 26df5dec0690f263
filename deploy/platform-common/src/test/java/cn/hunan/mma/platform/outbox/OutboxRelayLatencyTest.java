package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures commit-to-consumer latency: single-event transactions committed at a steady rate, each
 * timed from the moment its commit returns to the moment a consumer in the same JVM receives it.
 * Prints the percentiles for the README; asserts only that every event arrives.
 */
@ExtendWith(RealServers.class)
class OutboxRelayLatencyTest {

    private static final int WARM_UP = 50;
    private static final int MEASURED = 500;
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(20);

    @Test
    void measures_commit_to_consumer_latency(RealServers servers) throws Exception {
        String slotName = RealServers.uniqueName("latency");
        OutboxDatabase database = OutboxDatabase.migrated(servers.postgres(), slotName);
        ReferralEvents events = new ReferralEvents(Topics.REFERRALS.name() + "." + slotName);
        servers.kafka().createTopics(List.of(new NewTopic(events.topic(), 3, (short) 1)));
        OutboxRelaySettings settings = OutboxRelaySettings.withDefaults(database.jdbcUrl(), servers.postgres().username(),
                servers.postgres().password(), slotName, URI.create("/mma/referral-service"),
                OutboxRelaySettings.defaultOffsetTopic(slotName), servers.kafka().bootstrapServers());

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        ExecutorService consumerThread = Executors.newSingleThreadExecutor();
        AtomicBoolean consuming = new AtomicBoolean(true);
        try (OutboxRelay relay = new OutboxRelay(settings)) {
            relay.start();
            Future<?> consumer = consumerThread.submit(() -> consume(servers.kafka().bootstrapServers(), events.topic(),
                    consuming, receivedAt));
            try (Connection connection = database.connect()) {
                List<String> warmUp = commitAtSteadyRate(connection, events, WARM_UP, committedAt);
                await("warm-up events arrive").atMost(Duration.ofSeconds(60)).until(() -> receivedAt.keySet().containsAll(warmUp));
                List<String> measured = commitAtSteadyRate(connection, events, MEASURED, committedAt);
                await("measured events arrive").atMost(Duration.ofSeconds(60)).until(() -> receivedAt.keySet().containsAll(measured));

                report(measured.stream().map(id -> receivedAt.get(id) - committedAt.get(id)).sorted().toList());
            } finally {
                consuming.set(false);
                consumer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            consumerThread.shutdownNow();
        }
    }

    /** Commits one event per tick on a fixed-rate schedule; returns the ids in commit order. */
    private static List<String> commitAtSteadyRate(Connection connection, ReferralEvents events, int count,
                                                   Map<String, Long> committedAt) throws Exception {
        List<String> ids = new ArrayList<>(count);
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        try {
            ticks.scheduleAtFixedRate(() -> {
                if (done.getCount() == 0) {
                    return;
                }
                OutboxEvent event = events.next("R-" + (ids.size() % 20), "ReferralRequested");
                try {
                    OutboxDatabase.commit(connection, List.of(event));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                committedAt.put(event.eventId().toString(), System.nanoTime());
                ids.add(event.eventId().toString());
                done.countDown();
            }, 0, COMMIT_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            assertThat(done.await(count * COMMIT_INTERVAL.toMillis() + 30_000, TimeUnit.MILLISECONDS))
                    .as("all %d transactions committed", count).isTrue();
        } finally {
            ticks.shutdownNow();
        }
        return ids;
    }

    private static void consume(String bootstrapServers, String topic, AtomicBoolean consuming, Map<String, Long> receivedAt) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (consuming.get()) {
                consumer.poll(Duration.ofMillis(10)).forEach(record -> receivedAt.putIfAbsent(
                        new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8), System.nanoTime()));
            }
        }
    }

    private static void report(List<Long> sortedNanos) {
        System.out.printf("outbox commit-to-consumer latency over %d events at %d/s: p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", sortedNanos.size(), 1000 / COMMIT_INTERVAL.toMillis(),
                millis(percentile(sortedNanos, 50)), millis(percentile(sortedNanos, 95)),
                millis(percentile(sortedNanos, 99)), millis(sortedNanos.get(sortedNanos.size() - 1)));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}

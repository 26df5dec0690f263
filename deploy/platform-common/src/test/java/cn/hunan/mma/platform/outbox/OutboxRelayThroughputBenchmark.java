package cn.hunan.mma.platform.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relay throughput: N outbox rows committed in multi-row transactions, as a busy service writes
 * them, relayed to a topic whose record time is the broker's append time. Reports events/s from the
 * first insert to the last append and the commit-to-append lag per event. Out of the default suite
 * (tag {@code benchmark}); run it with
 * <pre>
 * ./mvnw -o -pl deploy/platform-common test -Dtest=OutboxRelayThroughputBenchmark -Dgroups=benchmark -DexcludedGroups=none
 * </pre>
 * and {@code -Doutbox.benchmark.events=200000}, {@code -Doutbox.benchmark.transaction-size=50},
 * {@code -Doutbox.benchmark.rate=1500} (events/s offered; 0 = as fast as the writer can commit).
 */
@Tag("benchmark")
@ExtendWith(RealServers.class)
class OutboxRelayThroughputBenchmark {

    private static final int EVENTS = Integer.getInteger("outbox.benchmark.events", 50_000);
    private static final int TRANSACTION_SIZE = Integer.getInteger("outbox.benchmark.transaction-size", 50);
    private static final int RATE = Integer.getInteger("outbox.benchmark.rate", 0);
    private static final int AGGREGATES = 1_000;
    private static final int PARTITIONS = 6;
    /** A payload the size of a typical contract event (~600 bytes of JSON). */
    private static final String PAYLOAD_FILLER = "x".repeat(500);

    @Test
    void relays_a_burst_of_outbox_rows(RealServers servers) throws Exception {
        String slotName = RealServers.uniqueName("throughput");
        OutboxDatabase database = OutboxDatabase.migrated(servers.postgres(), slotName);
        String topic = "mma.benchmark." + slotName;
        servers.kafka().createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)
                .configs(Map.of("message.timestamp.type", "LogAppendTime"))));
        OutboxRelaySettings settings = OutboxRelaySettings.withDefaults(database.jdbcUrl(), servers.postgres().username(),
                servers.postgres().password(), slotName, URI.create("/mma/benchmark"),
                OutboxRelaySettings.defaultOffsetTopic(slotName), servers.kafka().bootstrapServers());
        // Event i has the id (run, i): the consumer finds its commit time without a map lookup.
        long run = System.nanoTime();
        long[] committedAtMillis = new long[EVENTS];
        long[] appendedAtMillis = new long[EVENTS];
        ExecutorService consumerThread = Executors.newSingleThreadExecutor();
        try (OutboxRelay relay = new OutboxRelay(settings)) {
            relay.start();
            Future<Integer> consumed = consumerThread.submit(
                    () -> consume(servers.kafka().bootstrapServers(), topic, run, appendedAtMillis));
            long firstInsertMillis = System.currentTimeMillis();
            write(database, topic, run, committedAtMillis);
            int duplicates = consumed.get(10, TimeUnit.MINUTES);
            await("relayed rows deleted").atMost(Duration.ofSeconds(60)).until(() -> database.outboxRows() == 0);

            report(firstInsertMillis, committedAtMillis, appendedAtMillis, duplicates);
        } finally {
            consumerThread.shutdownNow();
        }
    }

    private static void write(OutboxDatabase database, String topic, long run, long[] committedAtMillis) throws SQLException {
        long nanosPerTransaction = RATE > 0 ? TimeUnit.SECONDS.toNanos(1) * TRANSACTION_SIZE / RATE : 0;
        long next = System.nanoTime();
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox "
                     + "(id, aggregatetype, aggregateid, type, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int first = 0; first < EVENTS; first += TRANSACTION_SIZE) {
                if (nanosPerTransaction > 0) {
                    next += nanosPerTransaction;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                int end = Math.min(first + TRANSACTION_SIZE, EVENTS);
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = first; i < end; i++) {
                    String aggregate = "B-" + (i % AGGREGATES);
                    insert.setObject(1, new UUID(run, i));
                    insert.setString(2, topic);
                    insert.setString(3, aggregate);
                    insert.setString(4, "BenchmarkEvent");
                    insert.setString(5, "{\"aggregate\":\"" + aggregate + "\",\"seq\":" + i + ",\"filler\":\""
                            + PAYLOAD_FILLER + "\"}");
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                Arrays.fill(committedAtMillis, first, end, System.currentTimeMillis());
            }
        }
    }

    /**
     * Reads until every event arrived; records each event's first append time and checks that each
     * aggregate's first arrivals come in commit order. Returns how many duplicates arrived.
     */
    private static int consume(String bootstrapServers, String topic, long run, long[] appendedAtMillis) {
        int[] lastSeenPerAggregate = new int[AGGREGATES];
        Arrays.fill(lastSeenPerAggregate, -1);
        int arrived = 0;
        int duplicates = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (arrived < EVENTS) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    UUID id = UUID.fromString(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8));
                    assertThat(id.getMostSignificantBits()).as("event of this run").isEqualTo(run);
                    int index = (int) id.getLeastSignificantBits();
                    if (appendedAtMillis[index] != 0) {
                        duplicates++;
                        continue;
                    }
                    int aggregate = index % AGGREGATES;
                    assertThat(index).as("commit order of aggregate B-%d", aggregate)
                            .isGreaterThan(lastSeenPerAggregate[aggregate]);
                    lastSeenPerAggregate[aggregate] = index;
                    appendedAtMillis[index] = record.timestamp();
                    arrived++;
                }
            }
        }
        return duplicates;
    }

    private static void report(long firstInsertMillis, long[] committedAtMillis, long[] appendedAtMillis, int duplicates) {
        long lastAppend = Arrays.stream(appendedAtMillis).max().orElseThrow();
        long lastCommit = committedAtMillis[committedAtMillis.length - 1];
        long[] lags = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            lags[i] = appendedAtMillis[i] - committedAtMillis[i];
        }
        Arrays.sort(lags);
        double seconds = (lastAppend - firstInsertMillis) / 1000.0;
        System.out.printf("outbox relay throughput: %d events in %d-row transactions (offered %s): %.0f events/s relayed "
                        + "(first insert to last append %.1f s; writer committed at %.0f events/s); commit-to-append lag "
                        + "p50 %d ms, p99 %d ms, max %d ms; %d duplicates%n",
                EVENTS, TRANSACTION_SIZE, RATE > 0 ? RATE + "/s" : "unthrottled", EVENTS / seconds, seconds,
                EVENTS / ((lastCommit - firstInsertMillis) / 1000.0), percentile(lags, 50), percentile(lags, 99),
                lags[EVENTS - 1], duplicates);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}

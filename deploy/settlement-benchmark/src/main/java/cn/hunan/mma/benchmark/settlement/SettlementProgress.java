package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far the service has got, read cheaply enough to poll every second without slowing it:
 * rows inserted into {@code case_settlement} from PostgreSQL's statistics (a count(*) over
 * millions of rows would compete with the service for the two cores), and the end offsets of the
 * case-settlements topic (what the outbox relay has published) and of the inpatient DLT.
 */
final class SettlementProgress implements AutoCloseable {

    /** One poll: settled rows, settlements on the output topic, discharges dead-lettered. */
    record Sample(long nanos, long settledRows, long published, long deadLettered) {
    }

    private final Connection database;
    private final Admin admin;
    private final String bootstrapServers;

    SettlementProgress(String jdbcUrl, String user, String password, String bootstrapServers) throws SQLException {
        this.database = DriverManager.getConnection(jdbcUrl, user, password);
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "settlement-benchmark-progress"));
    }

    Sample sample() throws SQLException, InterruptedException {
        return new Sample(System.nanoTime(), insertedRows("case_settlement"),
                endOffsets(Topics.CASE_SETTLEMENTS.name(), Topics.CASE_SETTLEMENTS.partitions()),
                endOffsets(Topics.INPATIENT.deadLetter().name(), Topics.INPATIENT.partitions()));
    }

    /** Rows inserted into a table since the statistics were reset (a fresh database: ever). */
    long insertedRows(String table) throws SQLException {
        // The statistics a backend reports are cached for its transaction; autocommit reads them anew.
        try (Statement query = database.createStatement();
             ResultSet row = query.executeQuery("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = '"
                     + table + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Autovacuum's work on a table so far: its vacuums and analyzes, and whether a vacuum of it is
     * running now. Read either side of the closes: a vacuum or an {@code ANALYZE} of a table the
     * closes read, overlapping them, is the suspect when a close is slow.
     */
    Upkeep upkeep(String table) throws SQLException {
        try (Statement query = database.createStatement(); ResultSet row = query.executeQuery(
                "SELECT coalesce(sum(autovacuum_count), 0), coalesce(sum(autoanalyze_count), 0), "
                        + "(SELECT count(*) FROM pg_stat_progress_vacuum p JOIN pg_class c ON c.oid = p.relid WHERE c.relname = '"
                        + table + "') FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            row.next();
            return new Upkeep(row.getLong(1), row.getLong(2), row.getLong(3) > 0);
        }
    }

    /** See {@link #upkeep}. */
    record Upkeep(long autovacuums, long autoanalyzes, boolean vacuumRunning) {

        /** What happened between this reading and {@code later}, as a phrase. */
        String until(Upkeep later) {
            return String.format("%d autovacuum(s) and %d auto-analyze(s) finished%s", later.autovacuums - autovacuums,
                    later.autoanalyzes - autoanalyzes, vacuumRunning ? "; a vacuum was running as they started" : "");
        }
    }

    /** The exact row count, for the end of a run. */
    long count(String sql) throws SQLException {
        try (Statement query = database.createStatement(); ResultSet row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Seconds of the {@code settled_at} stamps: the first batch's settling time to the last one's. */
    double settledSpanSeconds() throws SQLException {
        try (Statement query = database.createStatement(); ResultSet row = query.executeQuery(
                "SELECT extract(epoch FROM max(settled_at) - min(settled_at)) FROM case_settlement")) {
            row.next();
            return row.getDouble(1);
        }
    }

    /** The first batch's settling time. */
    Instant firstSettledAt() throws SQLException {
        try (Statement query = database.createStatement();
             ResultSet row = query.executeQuery("SELECT min(settled_at) FROM case_settlement")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    /**
     * When the relay sent the last record to a topic: the latest record timestamp of the partitions'
     * last records. The relay sets none, so it is the producer's send time (CreateTime) — exact where
     * the once-a-second sampling (and PostgreSQL's lazily flushed row statistics) is not.
     */
    Instant lastRecordAt(String topic, int partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "settlement-benchmark-last-record"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                all.add(new TopicPartition(topic, partition));
            }
            consumer.assign(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long wanted = ends.values().stream().filter(end -> end > 0).count();
            ends.forEach((partition, end) -> consumer.seek(partition, Math.max(0, end - 1)));
            long latest = 0;
            Set<TopicPartition> seen = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == ends.get(new TopicPartition(record.topic(), record.partition())) - 1) {
                        seen.add(new TopicPartition(record.topic(), record.partition()));
                        latest = Math.max(latest, record.timestamp());
                    }
                }
            }
            return Instant.ofEpochMilli(latest);
        }
    }

    long endOffsets(String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
        database.close();
    }
}

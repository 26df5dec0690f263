package cn.hunan.mma.scoring.streams;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals a scorer has committed, read from outside it: the totals store's changelog topic,
 * consumed {@code read_committed} — exactly what a restarted instance restores from. Each
 * {@link #refresh()} reads the records committed since the last one.
 */
final class CommittedTotals implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, MonthTotals> latest = new HashMap<>();
    private final MonthTotalsSerde serde = new MonthTotalsSerde();

    CommittedTotals(String bootstrapServers, String applicationId) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(java.util.Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        String changelog = applicationId + "-" + ScoringTopology.TOTALS_STORE + "-changelog";
        List<PartitionInfo> partitions = consumer.partitionsFor(changelog, Duration.ofSeconds(30));
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    CommittedTotals refresh() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), serde.deserializer().deserialize(record.topic(), record.value()));
            }
        }
        return this;
    }

    TotalsReader reader() {
        return TotalsReader.of(latest::get);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

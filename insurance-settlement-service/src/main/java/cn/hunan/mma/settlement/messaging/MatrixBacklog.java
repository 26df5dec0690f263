package cn.hunan.mma.settlement.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How much of the matrix topics, as they stood at one moment, their consumer groups have yet to read: the records up to
 * each partition's end offset then, counted from the offset the partition's group has committed (a group commits a
 * record's offset once it is processed, or dead-lettered).
 *
 * <p>Group offsets rather than the records this instance processed: the matrix groups are shared by every instance of
 * the service, and a partition read by another instance counts as read — the rows it wrote are in the same database.
 */
final class MatrixBacklog {

    /** A matrix topic and the consumer group that reads it into the database. */
    record Source(String topic, String group) {
    }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final List<Source> sources;

    MatrixBacklog(Admin admin, List<Source> sources) {
        this.admin = admin;
        this.sources = List.copyOf(sources);
    }

    /**
     * Each partition's end offset now, for the partitions holding records to read; a topic that does not exist yet has
     * nothing to read, nor has a partition whose records were all deleted (start offset = end offset).
     */
    Map<TopicPartition, Long> endOffsetsNow() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicDescription topic : existing(sources.stream().map(Source::topic).distinct().toList())) {
            topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
        }
        Map<TopicPartition, Long> ends = offsets(admin.listOffsets(latest));
        Map<TopicPartition, Long> starts = offsets(admin.listOffsets(earliest));
        Map<TopicPartition, Long> toRead = new TreeMap<>(MatrixBacklog::byTopicAndPartition);
        ends.forEach((tp, end) -> {
            if (end > starts.getOrDefault(tp, 0L)) {
                toRead.put(tp, end);
            }
        });
        return toRead;
    }

    /**
     * The partitions of {@code targets} whose group has not committed up to the target offset, each with the number of
     * offsets between the two (none committed counts from 0: an estimate, as compaction leaves gaps).
     */
    Map<TopicPartition, Long> unread(Map<TopicPartition, Long> targets)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> unread = new TreeMap<>(MatrixBacklog::byTopicAndPartition);
        for (Source source : sources) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(source.group())
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            targets.forEach((tp, target) -> {
                if (!tp.topic().equals(source.topic())) {
                    return;
                }
                OffsetAndMetadata read = committed.get(tp);
                long position = read == null ? 0 : read.offset();
                if (position < target) {
                    unread.put(tp, target - position);
                }
            });
        }
        return unread;
    }

    private Collection<TopicDescription> existing(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicDescription> found = new ArrayList<>();
        for (var described : admin.describeTopics(topics).topicNameValues().values()) {
            try {
                found.add(described.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return found;
    }

    private static Map<TopicPartition, Long> offsets(ListOffsetsResult result)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> all = result.all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        all.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static int byTopicAndPartition(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}

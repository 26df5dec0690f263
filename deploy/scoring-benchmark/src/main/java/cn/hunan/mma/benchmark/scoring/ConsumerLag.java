package cn.hunan.mma.benchmark.scoring;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorer's consumer group against the ends of its topics (read committed): done when every input partition is
 * committed to its end and every internal (repartition) one to within its last transaction marker — the scorer has
 * then counted, and committed, every record. The caller asks for two such readings in a row, 250 ms apart, so that a
 * ledger forward that was still due (every 200 ms) is not missed.
 */
final class ConsumerLag {

    private final Admin admin;
    private final String applicationId;
    ConsumerLag(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    boolean caughtUp() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        List<String> topics = new ArrayList<>(InputTopics.NAMES);
        committed.keySet().stream().map(TopicPartition::topic).filter(topic -> topic.startsWith(applicationId)).distinct().forEach(topics::add);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions().forEach(partition ->
                ends.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        var offsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        for (var end : offsets.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            long lag = end.getValue().offset() - (position == null ? 0 : position.offset());
            if (lag > (end.getKey().topic().startsWith(applicationId) ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }
}

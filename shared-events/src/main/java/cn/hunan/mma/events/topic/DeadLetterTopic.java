package cn.hunan.mma.events.topic;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.Map;

/**
 * The dead-letter topic of an input topic: raw bytes of rejected records, never compacted (every
 * rejection is kept for operators), same partition count so a record keeps its partition.
 *
 * @param name        e.g. "mma.care.inpatient.dlt"
 * @param sourceTopic the topic whose rejects land here
 */
public record DeadLetterTopic(String name, String sourceTopic, int partitions) {

    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, CleanupPolicy.DELETE.configValue()));
    }
}

package cn.hunan.mma.scoring.streams;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the compacted topics this service owns (rule sets, surplus projections) before the streams start:
 * the topology reads them into global stores, and Kafka Streams refuses to start a global store whose topic has
 * no partitions. The contract topics are created by the platform (local stack, test resources).
 */
public final class CompactedTopics {

    private CompactedTopics() {
    }

    /** Creates {@code name} compacted with the broker's default replication; an existing topic is left as it is. */
    public static void ensureExists(String bootstrapServers, String name, int partitions) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not create " + name + " in 30 s", e);
        }
    }
}

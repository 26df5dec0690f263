package cn.hunan.mma.scoring.surplus;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates {@value SurplusProjection#TOPIC} compacted before the streams start: the topology reads it into a
 * global store, and Kafka Streams refuses to start a global store whose topic has no partitions. The contract
 * topics are created by the platform (local stack, test resources); this one belongs to this service.
 */
final class ProjectionTopic {

    private static final int PARTITIONS = 6;

    private ProjectionTopic() {
    }

    /** Without a configured broker (TopologyTestDriver) there is nothing to create. */
    static void ensureExists() {
        Optional<String> servers = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.kafka-streams.bootstrap-servers", String.class);
        servers.ifPresent(ProjectionTopic::create);
    }

    private static void create(String bootstrapServers) {
        NewTopic compacted = new NewTopic(SurplusProjection.TOPIC, Optional.of(PARTITIONS), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(compacted)).values().get(SurplusProjection.TOPIC).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + SurplusProjection.TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + SurplusProjection.TOPIC, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create " + SurplusProjection.TOPIC + " in 30 s", e);
        }
    }
}

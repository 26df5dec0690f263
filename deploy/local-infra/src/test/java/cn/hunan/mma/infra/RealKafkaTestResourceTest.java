package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class RealKafkaTestResourceTest {

    @Test
    void points_every_kafka_client_of_quarkus_at_the_shared_broker() {
        Map<String, String> config = started(Map.of());

        assertThat(config).containsOnlyKeys(
                "kafka.bootstrap.servers",
                "quarkus.kafka-streams.bootstrap-servers",
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers");
        assertThat(Set.copyOf(config.values())).containsExactly(RealKafkaTestResource.bootstrapServers());
    }

    @Test
    void every_test_application_gets_the_same_broker() {
        assertThat(started(Map.of()).get("kafka.bootstrap.servers"))
                .isEqualTo(started(Map.of()).get("kafka.bootstrap.servers"));
    }

    @Test
    void creates_the_listed_topics_with_their_partition_counts() throws Exception {
        started(Map.of(RealKafkaTestResource.TOPICS, "capacity.reported, scores.composite:3",
                RealKafkaTestResource.PARTITIONS, "2"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(Set.of("capacity.reported", "scores.composite")).allTopicNames().get();
            assertThat(topics.get("capacity.reported").partitions()).hasSize(2);
            assertThat(topics.get("scores.composite").partitions()).hasSize(3);
        }
    }

    private static Map<String, String> started(Map<String, String> initArgs) {
        RealKafkaTestResource resource = new RealKafkaTestResource();
        resource.init(initArgs);
        Map<String, String> config = resource.start();
        resource.stop();
        return config;
    }
}

package cn.hunan.mma.stack;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackConfigurationTest {

    @Test
    void service_configuration_becomes_microprofile_environment_names() {
        assertThat(ServiceProcess.environmentName("quarkus.datasource.password")).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
        assertThat(ServiceProcess.environmentName("mma.outbox.jdbc-url")).isEqualTo("MMA_OUTBOX_JDBC_URL");
    }

    @Test
    void every_registry_topic_is_provisioned_with_its_dead_letter_topic() {
        var names = TopicProvisioning.allTopics().stream().map(NewTopic::name).toList();

        assertThat(names).hasSize(Topics.all().size() * 2);
        Topics.all().forEach(topic -> assertThat(names).contains(topic.name(), topic.deadLetter().name()));
    }

    @Test
    void matrix_topics_are_compacted_and_event_topics_are_not() {
        var byName = TopicProvisioning.allTopics().stream()
                .collect(java.util.stream.Collectors.toMap(NewTopic::name, topic -> topic.configs().get("cleanup.policy")));

        assertThat(byName.get(Topics.INSTITUTIONS.name())).isEqualTo("compact");
        assertThat(byName.get(Topics.INPATIENT.name())).isEqualTo("delete");
    }
}

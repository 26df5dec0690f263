package cn.hunan.mma.infra;

import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTopicsTest {

    @Test
    void every_registry_topic_is_provisioned_with_its_dead_letter_topic() {
        var names = ContractTopics.all().stream().map(NewTopic::name).toList();

        assertThat(names).hasSize(Topics.all().size() * 2);
        Topics.all().forEach(topic -> assertThat(names).contains(topic.name(), topic.deadLetter().name()));
    }

    @Test
    void matrix_topics_are_compacted_and_event_topics_are_not() {
        Map<String, String> policies = ContractTopics.all().stream()
                .collect(Collectors.toMap(NewTopic::name, topic -> topic.configs().get("cleanup.policy")));

        assertThat(policies.get(Topics.INSTITUTIONS.name())).isEqualTo("compact");
        assertThat(policies.get(Topics.INPATIENT.name())).isEqualTo("delete");
    }
}

package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSpecsTest {

    @Test
    void reads_names_with_optional_partition_counts() {
        assertThat(TopicSpecs.parse(" hospital.visits , referral.events:6,,", 2))
                .extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::replicationFactor)
                .containsExactly(tuple("hospital.visits", 2, (short) 1), tuple("referral.events", 6, (short) 1));
    }

    @Test
    void no_spec_means_no_topics() {
        assertThat(TopicSpecs.parse(null, 1)).isEmpty();
        assertThat(TopicSpecs.parse("  ", 1)).isEmpty();
    }

    @Test
    void rejects_a_partition_count_that_is_not_a_number() {
        assertThatThrownBy(() -> TopicSpecs.parse("referral.events:many", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referral.events:many");
    }
}

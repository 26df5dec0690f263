package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.platform.messaging.ContractRecordRejections;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel's configuration repeats names declared in code; these fail when the two drift apart. */
class CapacityChannelConfigTest {

    private static final String PREFIX = "mp.messaging.incoming." + CapacityEventsConsumer.CHANNEL + ".";

    @Test
    void consumes_the_capacity_topic_of_the_contract() throws IOException {
        assertThat(channel().getProperty(PREFIX + "topic")).isEqualTo(Topics.CAPACITY.name());
    }

    @Test
    void dead_letters_to_the_capacity_topics_dlt() throws IOException {
        Properties channel = channel();
        assertThat(channel.getProperty(PREFIX + "failure-strategy")).isEqualTo("dead-letter-queue");
        assertThat(channel.getProperty(PREFIX + "dead-letter-queue.topic")).isEqualTo(Topics.CAPACITY.deadLetter().name());
        assertThat(channel.getProperty(PREFIX + "value-deserialization-failure-handler"))
                .isEqualTo(ContractRecordRejections.NAME);
    }

    @Test
    void rebuilds_from_the_start_of_the_topic_in_a_group_of_its_own() throws IOException {
        Properties channel = channel();
        assertThat(channel.getProperty(PREFIX + "auto.offset.reset")).isEqualTo("earliest");
        assertThat(channel.getProperty(PREFIX + "group.id")).contains("${quarkus.uuid}");
        assertThat(channel.getProperty(PREFIX + "commit-strategy")).isEqualTo("ignore");
    }

    private static Properties channel() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CapacityChannelConfigTest.class.getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the classpath").isNotNull();
            properties.load(in);
        }
        return properties;
    }
}

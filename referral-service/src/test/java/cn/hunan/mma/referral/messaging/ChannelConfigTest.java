package cn.hunan.mma.referral.messaging;

import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.platform.messaging.ContractRecordRejections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The channels in application.properties repeat topic names declared in Topics; this fails when they drift apart. */
class ChannelConfigTest {

    static Stream<Arguments> channels() {
        return Stream.of(Arguments.of("institutions", Topics.INSTITUTIONS),
                Arguments.of("guidance-catalogue", Topics.GUIDANCE_CATALOGUE),
                Arguments.of("specialties", Topics.SPECIALTIES),
                Arguments.of("capacity", Topics.CAPACITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void each_channel_reads_its_contract_topic_and_dead_letters_to_its_dlt(String channel, Topic<?, ?> topic)
            throws IOException {
        Properties properties = properties();
        String prefix = "mp.messaging.incoming." + channel + ".";

        assertThat(properties.getProperty(prefix + "topic")).isEqualTo(topic.name());
        assertThat(properties.getProperty(prefix + "failure-strategy")).isEqualTo("dead-letter-queue");
        assertThat(properties.getProperty(prefix + "dead-letter-queue.topic")).isEqualTo(topic.deadLetter().name());
        assertThat(properties.getProperty(prefix + "value-deserialization-failure-handler"))
                .isEqualTo(ContractRecordRejections.NAME);
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChannelConfigTest.class.getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the classpath").isNotNull();
            properties.load(in);
        }
        return properties;
    }
}

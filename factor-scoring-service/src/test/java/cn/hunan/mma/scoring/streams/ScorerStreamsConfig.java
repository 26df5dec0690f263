package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka Streams settings the service runs with — every {@code kafka-streams.*} key of its
 * {@code application.properties}, profile-specific ones left out — for tests that run the topology
 * outside Quarkus: what they measure and crash is the production configuration.
 */
final class ScorerStreamsConfig {

    private static final String PREFIX = "kafka-streams.";

    private ScorerStreamsConfig() {
    }

    static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
        Properties config = new Properties();
        Properties application = new Properties();
        try (InputStream in = ScorerStreamsConfig.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        application.stringPropertyNames().stream()
                .filter(key -> key.startsWith(PREFIX))
                .forEach(key -> config.put(key.substring(PREFIX.length()), application.getProperty(key)));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        return config;
    }
}

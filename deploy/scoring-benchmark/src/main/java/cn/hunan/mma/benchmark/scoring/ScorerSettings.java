package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.streams.ScoringTopology;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka Streams settings the service runs with: every {@code kafka-streams.*} key of the {@code application.properties}
 * inside the scorer's own jar (profile-specific keys left out), as the service's test-only {@code ScorerStreamsConfig}
 * reads them — so what is measured is the production configuration, with only the guarantee (and any
 * {@code --streams} override) changed.
 */
final class ScorerSettings {

    private static final String PREFIX = "kafka-streams.";

    private ScorerSettings() {
    }

    static Properties of(String applicationId, String bootstrap, Path stateDir, String guarantee, Map<String, String> overrides)
            throws IOException {
        Properties application = serviceProperties();
        Properties config = new Properties();
        application.stringPropertyNames().stream().filter(key -> key.startsWith(PREFIX))
                .forEach(key -> config.put(key.substring(PREFIX.length()), application.getProperty(key)));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        config.putAll(overrides);
        return config;
    }

    /** The service's application.properties, from the jar (or classes directory) that holds its topology. */
    static Properties serviceProperties() throws IOException {
        Path location = Path.of(URI.create(ScoringTopology.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        Properties application = new Properties();
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("application.properties"))) {
                application.load(in);
            }
            return application;
        }
        try (FileSystem jar = FileSystems.newFileSystem(location);
             InputStream in = Files.newInputStream(jar.getPath("application.properties"))) {
            application.load(in);
        }
        return application;
    }
}

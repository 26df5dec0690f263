package cn.hunan.mma.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns {@code mma.outbox.*} into {@link OutboxRelaySettings}, falling back to the keys a service
 * already has (its JDBC datasource, its Kafka brokers) so it need not repeat them. Reports every
 * missing key at once.
 */
final class OutboxSettingsResolver {

    private OutboxSettingsResolver() {
    }

    /**
     * @param config     the service's {@code mma.outbox.*} keys
     * @param otherKeys  looks up any other configuration key
     */
    static OutboxRelaySettings resolve(OutboxConfig config, Function<String, Optional<String>> otherKeys) {
        List<String> missing = new ArrayList<>();
        String jdbcUrl = required(config.jdbcUrl().or(() -> otherKeys.apply("quarkus.datasource.jdbc.url")),
                "mma.outbox.jdbc-url (or quarkus.datasource.jdbc.url)", missing);
        String username = required(config.username().or(() -> otherKeys.apply("quarkus.datasource.username")),
                "mma.outbox.username (or quarkus.datasource.username)", missing);
        String password = required(config.password().or(() -> otherKeys.apply("quarkus.datasource.password")),
                "mma.outbox.password (or quarkus.datasource.password)", missing);
        String slotName = required(config.slotName(), "mma.outbox.slot-name", missing);
        String bootstrapServers = required(config.kafkaBootstrapServers().or(() -> otherKeys.apply("kafka.bootstrap.servers")),
                "mma.outbox.kafka-bootstrap-servers (or kafka.bootstrap.servers)", missing);
        if (config.source().isEmpty()) {
            missing.add("mma.outbox.source");
        }
        if (!missing.isEmpty()) {
            throw new OutboxRelayException("mma.outbox.enabled=true but these keys are not set: " + String.join(", ", missing));
        }
        return new OutboxRelaySettings(jdbcUrl, username, password, slotName, config.publicationName(), config.table(),
                config.source().get(), config.offsetTopic().orElse(OutboxRelaySettings.defaultOffsetTopic(slotName)),
                bootstrapServers, config.pollInterval(), config.heartbeatInterval());
    }

    private static String required(Optional<String> value, String key, List<String> missing) {
        if (value.isEmpty() || value.get().isBlank()) {
            missing.add(key);
            return null;
        }
        return value.get();
    }
}

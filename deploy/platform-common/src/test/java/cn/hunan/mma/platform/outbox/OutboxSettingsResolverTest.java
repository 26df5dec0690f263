package cn.hunan.mma.platform.outbox;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxSettingsResolverTest {

    private static final Map<String, String> SERVICE_KEYS = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://pg:5432/referral",
            "quarkus.datasource.username", "referral",
            "quarkus.datasource.password", "datasource-secret",
            "kafka.bootstrap.servers", "kafka-1:9092,kafka-2:9092");

    @Test
    void takes_database_and_brokers_from_the_keys_the_service_already_has() {
        OutboxRelaySettings settings = OutboxSettingsResolver.resolve(
                config(Optional.empty(), Optional.of("referral_outbox"), Optional.of(URI.create("/mma/referral-service"))),
                key -> Optional.ofNullable(SERVICE_KEYS.get(key)));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5432/referral");
        assertThat(settings.username()).isEqualTo("referral");
        assertThat(settings.password()).isEqualTo("datasource-secret");
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.offsetTopic()).isEqualTo("mma.outbox-offsets.referral_outbox");
    }

    @Test
    void prefers_the_relays_own_keys() {
        OutboxRelaySettings settings = OutboxSettingsResolver.resolve(
                config(Optional.of("jdbc:postgresql://primary:5432/referral"), Optional.of("referral_outbox"),
                        Optional.of(URI.create("/mma/referral-service"))),
                key -> Optional.ofNullable(SERVICE_KEYS.get(key)));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://primary:5432/referral");
    }

    @Test
    void names_every_missing_key_at_once() {
        assertThatThrownBy(() -> OutboxSettingsResolver.resolve(
                config(Optional.empty(), Optional.empty(), Optional.empty()), key -> Optional.empty()))
                .isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("mma.outbox.jdbc-url")
                .hasMessageContaining("mma.outbox.slot-name")
                .hasMessageContaining("mma.outbox.source")
                .hasMessageContaining("kafka.bootstrap.servers");
    }

    private static OutboxConfig config(Optional<String> jdbcUrl, Optional<String> slotName, Optional<URI> source) {
        return new FixedOutboxConfig(true, jdbcUrl, Optional.empty(), Optional.empty(), slotName, "mma_outbox",
                "public.outbox", source, Optional.empty(), Optional.empty(), Duration.ofMillis(50), Duration.ofSeconds(10));
    }

    /** The keys as a test states them; the record's accessors implement the mapping interface. */
    private record FixedOutboxConfig(boolean enabled, Optional<String> jdbcUrl, Optional<String> username,
                                     Optional<String> password, Optional<String> slotName, String publicationName,
                                     String table, Optional<URI> source, Optional<String> offsetTopic,
                                     Optional<String> kafkaBootstrapServers, Duration pollInterval,
                                     Duration heartbeatInterval) implements OutboxConfig {
    }
}

package cn.hunan.mma.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code mma.outbox.*}: the outbox relay of a Quarkus service. Everything but {@code enabled} is
 * optional so services without an outbox (the scorer) need no keys; when enabled, the relay checks
 * what it needs at start-up and says which key is missing.
 */
@ConfigMapping(prefix = "mma.outbox")
public interface OutboxConfig {

    /** Whether this service relays its outbox table to Kafka. */
    @WithDefault("false")
    boolean enabled();

    /** JDBC URL of the service's database; defaults to {@code quarkus.datasource.jdbc.url}. */
    Optional<String> jdbcUrl();

    /** A role with the REPLICATION attribute; defaults to {@code quarkus.datasource.username}. */
    Optional<String> username();

    /** Defaults to {@code quarkus.datasource.password}. */
    Optional<String> password();

    /** Logical replication slot of this service; unique within the PostgreSQL cluster. Required. */
    Optional<String> slotName();

    /** Publication of the outbox table; the migration creates {@code mma_outbox}. */
    @WithDefault(OutboxRelaySettings.DEFAULT_PUBLICATION)
    String publicationName();

    /** Schema-qualified outbox table. */
    @WithDefault(OutboxRelaySettings.DEFAULT_TABLE)
    String table();

    /** {@code ce_source} of every event the service publishes, e.g. {@code /mma/referral-service}. Required. */
    Optional<URI> source();

    /** Compacted topic holding the relay's position; defaults to {@code mma.outbox-offsets.<slot-name>}. */
    Optional<String> offsetTopic();

    /** Kafka brokers for the relay; defaults to {@code kafka.bootstrap.servers}. */
    Optional<String> kafkaBootstrapServers();

    /** How long the engine waits for new changes between polls of the replication stream. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** How often an idle relay confirms its position, letting PostgreSQL recycle WAL. */
    @WithDefault("10s")
    Duration heartbeatInterval();
}

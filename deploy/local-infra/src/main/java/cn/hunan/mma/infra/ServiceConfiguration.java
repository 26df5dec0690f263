package cn.hunan.mma.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration every service gets from the local servers, as MicroProfile Config property
 * names: the broker, the JWT public key and, for a service with a database, its datasource and
 * outbox connection. No pseudonymisation key: services receive pseudonyms, never ID numbers, so none
 * of them holds the key (integrators pseudonymise at the edge with shared-events' {@code PatientPseudonymizer}). {@code deploy/run} and the benchmarks start services with it, so
 * a service is configured the same way wherever it runs locally.
 */
public final class ServiceConfiguration {

    private ServiceConfiguration() {
    }

    /** Broker and token key: what a service without a database needs. */
    public static Map<String, String> of(LocalKafka kafka, LocalJwtKeys keys) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyLocation());
        return config;
    }

    /** As {@link #of(LocalKafka, LocalJwtKeys)}, plus the service's database for its data and its outbox relay. */
    public static Map<String, String> of(LocalKafka kafka, LocalJwtKeys keys, LocalPostgres postgres, String database) {
        Map<String, String> config = of(kafka, keys);
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("mma.outbox.jdbc-url", postgres.jdbcUrl(database));
        config.put("mma.outbox.username", postgres.username());
        config.put("mma.outbox.password", postgres.password());
        return config;
    }
}

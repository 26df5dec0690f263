package cn.hunan.mma.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real PostgreSQL: one server per test JVM, shared by every
 * test class, started on first use under {@code target/} and stopped when the JVM exits. Each
 * resource creates its database ({@value #DATABASE} init arg; default derived from
 * {@code quarkus.application.name}, else {@value DatabaseNames#FALLBACK}) and configures both the
 * Quarkus datasource (reactive and JDBC) and the outbox relay ({@code mma.outbox.*}).
 */
public class RealPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";

    private String database = DatabaseNames.FALLBACK;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, DatabaseNames.forCurrentApplication());
    }

    @Override
    public Map<String, String> start() {
        PostgresEndpoint postgres = SharedServers.postgres();
        postgres.createDatabase(database);
        String jdbcUrl = postgres.jdbcUrl(database);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", PostgresEndpoint.USERNAME,
                "quarkus.datasource.password", PostgresEndpoint.PASSWORD,
                "mma.outbox.jdbc-url", jdbcUrl,
                "mma.outbox.username", PostgresEndpoint.USERNAME,
                "mma.outbox.password", PostgresEndpoint.PASSWORD);
    }

    /** Nothing: the server outlives each test application and stops with the JVM. */
    @Override
    public void stop() {
    }
}

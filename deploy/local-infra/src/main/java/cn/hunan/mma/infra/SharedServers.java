package cn.hunan.mma.infra;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Kafka broker and the PostgreSQL server that all tests of one JVM share: started on first
 * use, stopped (and their directories deleted) by a shutdown hook. Quarkus stops and restarts
 * test applications, sometimes in new class loaders; the servers outlive them. The address is
 * kept in a system property, so a second class loader finds the server the first one started.
 */
final class SharedServers {

    private static final System.Logger LOG = System.getLogger(SharedServers.class.getName());
    private static final String KAFKA_ADDRESS = "cn.hunan.mma.infra.shared-kafka.bootstrap-servers";
    private static final String POSTGRES_PORT = "cn.hunan.mma.infra.shared-postgres.port";

    private SharedServers() {
    }

    static String kafkaBootstrapServers() {
        return startOnce(KAFKA_ADDRESS, () -> {
            Path dir = Directories.createTemporary("mma-kafka-");
            LocalKafka kafka = LocalKafka.start(dir);
            stopAndDeleteAtExit("shared-kafka-stop", kafka, dir);
            LOG.log(Level.INFO, "Shared Kafka broker at {0} started in {1} ms (work dir {2})",
                    kafka.bootstrapServers(), Long.toString(kafka.startupTime().toMillis()), dir);
            return kafka.bootstrapServers();
        });
    }

    static PostgresEndpoint postgres() {
        String port = startOnce(POSTGRES_PORT, () -> {
            Path dir = Directories.createTemporary("mma-postgres-");
            LocalPostgres postgres = LocalPostgres.start(dir.resolve("data"));
            stopAndDeleteAtExit("shared-postgres-stop", postgres, dir);
            LOG.log(Level.INFO, "Shared PostgreSQL on port {0} started in {1} ms (data dir {2})",
                    Integer.toString(postgres.port()), Long.toString(postgres.startupTime().toMillis()), postgres.dataDir());
            return Integer.toString(postgres.port());
        });
        return new PostgresEndpoint(Integer.parseInt(port));
    }

    private static String startOnce(String property, Supplier<String> start) {
        synchronized (JvmWideLock.named(property)) {
            String value = System.getProperty(property);
            if (value == null) {
                value = start.get();
                System.setProperty(property, value);
            }
            return value;
        }
    }

    private static void stopAndDeleteAtExit(String name, AutoCloseable server, Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not stop " + name, e);
            }
            Directories.deleteQuietly(dir);
        }, name));
    }
}

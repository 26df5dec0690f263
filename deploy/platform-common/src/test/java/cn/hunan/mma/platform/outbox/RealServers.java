package cn.hunan.mma.platform.outbox;

import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.infra.LocalPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL and one real Kafka broker for all relay tests of a JVM, stopped when the
 * test run ends. Tests stay apart by using their own database, slot and topics ({@link #uniqueName}).
 */
final class RealServers implements ParameterResolver, AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Path dir;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    /** For JUnit only; the instance that holds the servers lives in the root store. */
    public RealServers() {
        this(null, null, null);
    }

    private RealServers(Path dir, LocalPostgres postgres, LocalKafka kafka) {
        this.dir = dir;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RealServers.class, key -> start(), RealServers.class);
    }

    private static RealServers start() {
        TestLogging.toConsole();
        Path dir = temporaryDirectory();
        return new RealServers(dir, LocalPostgres.start(dir.resolve("postgres")), LocalKafka.start(dir.resolve("kafka")));
    }

    LocalPostgres postgres() {
        return postgres;
    }

    LocalKafka kafka() {
        return kafka;
    }

    /** A name no other test of this run uses: lower-case, valid for databases, slots and topics. */
    static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    }

    @Override
    public void close() throws IOException {
        try (postgres; kafka) {
            // closes both, even if one fails
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path parent = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(parent, "outbox-relay-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

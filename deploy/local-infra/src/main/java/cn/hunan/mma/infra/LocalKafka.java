package cn.hunan.mma.infra;

import cn.hunan.mma.infra.broker.BrokerProtocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka node (KRaft, broker and controller in one process) in a child JVM, on free
 * loopback ports. The broker's jars stay out of this JVM; the child exits by itself when this JVM
 * dies, even by {@code kill -9}.
 *
 * <p>The work directory holds {@code server.properties}, the log directory {@code data/} and the
 * child's output {@code broker.log}. Starting again on the same directory keeps its topics and
 * records (on new ports), which is what the local stack's persistent mode relies on.
 */
public final class LocalKafka implements AutoCloseable {

    /** Generous: a cold JVM on a busy two-core machine. A warm start takes 2-3 s. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    /** -Dmma.kafka.log-level=info (or debug) shows the broker's own logging in broker.log. */
    private static final String LOG_LEVEL_PROPERTY = "mma.kafka.log-level";

    private final ChildJvm broker;
    private final Path workDir;
    private final String bootstrapServers;
    private final Duration startupTime;
    private final Thread stopOnExit;

    private LocalKafka(ChildJvm broker, Path workDir, String bootstrapServers, Duration startupTime) {
        this.broker = broker;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.startupTime = startupTime;
        this.stopOnExit = new Thread(() -> broker.stop(STOP_GRACE), "local-kafka-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a broker on {@code workDir} (created, or reused with its data) and returns once it
     * accepts clients.
     *
     * @throws ServerStartupException if it does not come up; the message ends with its log
     */
    public static LocalKafka start(Path workDir) {
        Path dir = workDir.toAbsolutePath();
        createDirectories(dir);
        String classpath = BrokerClasspath.resolve();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            int[] ports = FreePorts.pick(2);
            ChildJvm child = ChildJvm.launch("Kafka broker", classpath, jvmOptions(dir), BrokerProtocol.MAIN_CLASS,
                    brokerArguments(dir, ports[0], ports[1]), dir.resolve("broker.log"));
            try {
                child.awaitLine(BrokerProtocol.READY_MARKER, STARTUP_TIMEOUT);
                return new LocalKafka(child, dir, "127.0.0.1:" + ports[0], Duration.ofNanos(System.nanoTime() - started));
            } catch (ServerStartupException e) {
                if (attempt == START_ATTEMPTS || !FreePorts.lostPortRace(e.logTail())) {
                    throw e;
                }
            }
        }
    }

    /** Starts a broker with no topics or records in {@code workDir}, whatever was there. */
    public static LocalKafka startFresh(Path workDir) {
        Directories.delete(workDir.toAbsolutePath());
        return start(workDir);
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet. Idempotent: an existing topic is left as it is,
     * even if its partition count or configuration differs from the request.
     */
    public void createTopics(Collection<NewTopic> topics) {
        KafkaTopics.createMissing(bootstrapServers, topics);
    }

    /** From launching the child JVM to the broker accepting clients. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path workDir() {
        return workDir;
    }

    /** The broker's process id, e.g. to prove it does not outlive its parent. */
    public long brokerPid() {
        return broker.pid();
    }

    public boolean isRunning() {
        return broker.isAlive();
    }

    /**
     * Hands shutdown ordering to the caller: without this the JVM's exit would stop the server
     * concurrently with the caller's own hooks, e.g. while services that use it are still stopping.
     * The caller must then {@link #close()} it from its own shutdown hook.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /** Stops the broker cleanly (it flushes and closes its logs); kills it if that takes over 30 s. */
    @Override
    public void close() {
        broker.stop(STOP_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run, and stopping twice is harmless.
        }
    }

    private static List<String> jvmOptions(Path workDir) {
        List<String> options = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx512m",
                // One collector thread is plenty for a broker serving tests on two cores.
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                // Compression libraries unpack native code into the temp directory: keep it here.
                "-Djava.io.tmpdir=" + createDirectories(workDir.resolve("tmp"))));
        String logLevel = System.getProperty(LOG_LEVEL_PROPERTY);
        if (logLevel != null) {
            options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel);
        }
        return options;
    }

    private static List<String> brokerArguments(Path workDir, int port, int controllerPort) {
        return List.of(
                BrokerProtocol.WORK_DIR, workDir.toString(),
                BrokerProtocol.PORT, Integer.toString(port),
                BrokerProtocol.CONTROLLER_PORT, Integer.toString(controllerPort),
                BrokerProtocol.PARENT_PID, Long.toString(ProcessHandle.current().pid()),
                BrokerProtocol.EXIT_ON_STDIN_EOF);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

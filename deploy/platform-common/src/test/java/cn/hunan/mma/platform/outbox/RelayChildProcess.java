package cn.hunan.mma.platform.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Runs {@link RelayChildMain} in a child JVM with this JVM's classpath; output goes to a log file. */
final class RelayChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private RelayChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RelayChildProcess start(OutboxRelaySettings settings, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), RelayChildMain.class.getName(),
                settings.jdbcUrl(), settings.username(), settings.password(), settings.slotName(), settings.offsetTopic(),
                settings.bootstrapServers(), settings.source().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RelayChildProcess child = new RelayChildProcess(process, log);
        await("relay child streaming (log: " + log + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("relay child exited with " + process.exitValue() + "; see " + log);
                    }
                    return child.logContains(RelayChildMain.STREAMING);
                });
        return child;
    }

    /** SIGKILL: no shutdown hook, no final offset commit, no producer flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // the child is gone already
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

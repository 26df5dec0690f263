package cn.hunan.mma.stack;

import cn.hunan.mma.infra.OwnSession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as a child JVM from its Quarkus fast-jar, with its log in a file. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service with the given configuration passed as environment variables (Quarkus's
     * MicroProfile Config mapping: {@code quarkus.datasource.password} → {@code QUARKUS_DATASOURCE_PASSWORD}),
     * so credentials and keys do not show in the process list.
     */
    static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> config, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        Path log = logDir.resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(OwnSession.command(
                ParentBound.command(ProcessHandle.current().pid(), command)));
        config.forEach((key, value) -> builder.environment().put(environmentName(key), value));
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(spec, process, log);
    }

    /** MicroProfile Config's environment form of a property name. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Waits until the service's readiness check answers 200, or fails naming the log to read. */
    void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    ServiceSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    /** SIGTERM lets Quarkus stop gracefully (the outbox relay commits its offsets); force after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

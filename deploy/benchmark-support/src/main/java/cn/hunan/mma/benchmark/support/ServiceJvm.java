package cn.hunan.mma.benchmark.support;

import cn.hunan.mma.infra.OwnSession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as its own JVM from its Quarkus fast-jar, configured like {@code deploy/run}
 * configures it (credentials and keys in the environment, out of the process list), its output in a
 * log file. Benchmarks need its pid to read its memory.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;

    private ServiceJvm(String name, Process process, URI baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * @param name        the service's name, for messages
     * @param environment configuration as MicroProfile Config property names, passed as environment variables
     * @param jvmOptions  heap and GC options, and {@code -D} properties that are no secret
     */
    public static ServiceJvm start(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(OwnSession.command(command));
        environment.forEach((key, value) -> builder.environment().put(environmentName(key), value));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceJvm(name, process, URI.create("http://127.0.0.1:" + port), log);
    }

    /** MicroProfile Config's environment form: {@code quarkus.datasource.password} → {@code QUARKUS_DATASOURCE_PASSWORD}. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public void awaitReady(HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // poll again
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** The JVM's own pid: setsid execs in place when it can, else the java process is its child. */
    public long javaPid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM lets Quarkus stop gracefully; killed after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

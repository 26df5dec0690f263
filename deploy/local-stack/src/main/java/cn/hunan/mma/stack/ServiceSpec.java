package cn.hunan.mma.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One service of the local stack: where its runnable jar is, its HTTP port, and its database.
 *
 * @param database     the PostgreSQL database it owns, empty for services whose state lives in Kafka
 * @param kafkaStreams whether it runs a Kafka Streams topology (and so needs a state directory)
 * @param jvmOptions   heap and native-memory limits the service is measured with
 */
record ServiceSpec(String name, int port, Optional<String> database, boolean kafkaStreams, List<String> jvmOptions) {

    /** The same service launched with one more JVM option. */
    ServiceSpec withJvmOption(String option) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(option);
        return new ServiceSpec(name, port, database, kafkaStreams, List.copyOf(options));
    }

    /** Whether it serves the operations dashboard ({@code /dashboard/}): only the scorer does. */
    boolean dashboard() {
        return name.equals("factor-scoring-service");
    }

    private static final List<String> DEFAULT_JVM = List.of("-Xmx512m");
    /**
     * Navigation keeps its RSS under 512 MB at 2,000 recommendations/s with these (measured by
     * {@code deploy/benchmark navigation}): about 250 MB of the process lies outside the heap.
     */
    private static final List<String> NAVIGATION_JVM = List.of("-Xmx208m", "-Xmn64m", "-Xss512k",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m",
            "-XX:+UseSerialGC");

    /**
     * Referral answers many small calls on two event loops: the serial collector (no concurrent
     * threads, cheaper write barriers) cost 11–20 % less CPU per call than G1 at 500 referrals/s,
     * with p99 10.7–12.4 ms against G1's 29.8–486 ms, and ~95 MB less RSS (deploy/benchmark
     * referral, two alternating pairs, 2026-11-24); its young pauses stay a few milliseconds at
     * this heap size.
     */
    private static final List<String> REFERRAL_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    /** Every service of the platform; the stack starts those that have been built. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("referral-service", 8081, Optional.of("referral"), false, REFERRAL_JVM),
            new ServiceSpec("factor-scoring-service", 8082, Optional.empty(), true, DEFAULT_JVM),
            new ServiceSpec("navigation-service", 8083, Optional.of("navigation"), false, NAVIGATION_JVM),
            new ServiceSpec("insurance-settlement-service", 8084, Optional.of("settlement"), false, DEFAULT_JVM));

    /**
     * Fails before anything starts when a service port is taken (often a stack left running): the
     * readiness probe would otherwise get its answer from the old instance.
     */
    static void requireFreePorts() {
        for (ServiceSpec spec : ALL) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(spec.port()));
            } catch (IOException taken) {
                throw new IllegalStateException("port " + spec.port() + " for " + spec.name()
                        + " is in use — is another stack still running?");
            }
        }
    }

    Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}

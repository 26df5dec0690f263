package cn.hunan.mma.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One service of the local stack: where its runnable jar is, its HTTP port, and its database.
 *
 * @param database the PostgreSQL database it owns, empty for services whose state lives in Kafka
 */
record ServiceSpec(String name, int port, Optional<String> database) {

    /** Every service of the platform; the stack starts those that have been built. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("referral-service", 8081, Optional.of("referral")),
            new ServiceSpec("factor-scoring-service", 8082, Optional.empty()),
            new ServiceSpec("navigation-service", 8083, Optional.of("navigation")),
            new ServiceSpec("insurance-settlement-service", 8084, Optional.of("settlement")));

    Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}

package cn.hunan.mma.stack;

import cn.hunan.mma.infra.ContractTopics;
import cn.hunan.mma.infra.Directories;
import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.LocalKafka;
import cn.hunan.mma.infra.LocalPostgres;
import cn.hunan.mma.infra.ServiceConfiguration;
import cn.hunan.mma.infra.TokenClaims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run}: PostgreSQL, Kafka with every topic of the registry, then every built service,
 * each pointed at them; Ctrl-C (or SIGTERM) stops all of it in reverse order.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Starts the local stack until Ctrl-C.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    private static final java.time.Duration SAMPLE_TOKEN_LIFETIME = java.time.Duration.ofHours(8);

    /** Everything started, last first, so shutdown stops services before the servers they use. */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

    @Override
    public Integer call() throws Exception {
        StackLayout layout = new StackLayout(projectRoot);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "stack-shutdown"));

        ServiceSpec.requireFreePorts();
        Files.createDirectories(layout.logs());
        // Our hook stops everything in reverse order: services before the servers they use.
        LocalPostgres postgres = remember(LocalPostgres.startFresh(layout.postgres()));
        postgres.stopOnlyWhenClosed();
        say("PostgreSQL on port %d, started in %d ms", postgres.port(), postgres.startupTime().toMillis());
        LocalKafka kafka = remember(LocalKafka.startFresh(layout.kafka()));
        kafka.stopOnlyWhenClosed();
        say("Kafka at %s, started in %d ms", kafka.bootstrapServers(), kafka.startupTime().toMillis());
        kafka.createTopics(ContractTopics.all());
        say("Created %d topics from the shared topic registry", ContractTopics.all().size());

        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(layout.keys());
        List<ServiceProcess> services = startServices(layout, postgres, kafka, keys);

        printSummary(services, layout);
        stopped.await();
        return 0;
    }

    private List<ServiceProcess> startServices(StackLayout layout, LocalPostgres postgres, LocalKafka kafka,
                                               LocalJwtKeys keys) throws IOException, InterruptedException {
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path jar = spec.runnableJar(projectRoot);
            if (!Files.exists(jar)) {
                say("%s is not built (%s missing): skipped", spec.name(), jar);
                continue;
            }
            spec.database().ifPresent(postgres::createDatabase);
            ServiceSpec launched = spec;
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.http.port", String.valueOf(spec.port()));
            config.putAll(spec.database()
                    .map(database -> ServiceConfiguration.of(kafka, keys, postgres, database))
                    .orElseGet(() -> ServiceConfiguration.of(kafka, keys)));
            if (spec.kafkaStreams()) {
                Path stateDir = layout.streamsState(spec);
                Directories.delete(stateDir);
                config.put("quarkus.kafka-streams.bootstrap-servers", kafka.bootstrapServers());
                // A system property, not an environment variable like the rest: Quarkus hands Kafka Streams the
                // kafka-streams.* names it can list, and KAFKA_STREAMS_STATE_DIR maps back to no name that is listed
                // (the service sets the directory only for tests), so the store would land in /tmp/kafka-streams and
                // outlive the run's fresh topics.
                launched = spec.withJvmOption("-Dkafka-streams.state.dir=" + stateDir);
                // Interactive queries for keys held by another instance are routed to this address.
                config.put("quarkus.kafka-streams.application-server", "localhost:" + spec.port());
            }
            say("Starting %s on port %d …", spec.name(), spec.port());
            services.add(remember(ServiceProcess.start(launched, jar, config, layout.logs())));
        }
        for (ServiceProcess service : services) {
            service.awaitReady();
            say("%s ready", service.spec().name());
        }
        return services;
    }

    private void printSummary(List<ServiceProcess> services, StackLayout layout) {
        String token = TokenCommand.mint(layout, TokenClaims.forSubject("local-admin", "province-admin").inProvince("430000").validFor(SAMPLE_TOKEN_LIFETIME));
        StringBuilder out = new StringBuilder("\nThe local stack is up. Ctrl-C stops everything.\n\n");
        for (ServiceProcess service : services) {
            String base = service.spec().baseUrl();
            out.append(String.format("  %-30s %s/q/swagger-ui   health %s/q/health   log %s%n",
                    service.spec().name(), base, base, service.log()));
        }
        services.stream().filter(service -> service.spec().dashboard()).findFirst().ifPresent(scorer ->
                out.append(String.format("%n  Dashboard (operations): %s/dashboard/%n", scorer.spec().baseUrl())));
        out.append("\nSample token (province-admin over 湖南省 430000, valid 8 hours):\n\n")
                .append("TOKEN=").append(token).append("\n\n")
                .append("Try:  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(services.isEmpty() ? "http://localhost:8081" : services.get(0).spec().baseUrl())
                .append("/api/v1/me\n")
                .append("More tokens:  deploy/token --role city-operator --city 430300\n");
        System.out.println(out);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    private void stopAll() {
        AutoCloseable next;
        while ((next = started.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        say("Stopped.");
    }

    private static void say(String format, Object... args) {
        System.out.println("[stack] " + String.format(format, args));
    }
}

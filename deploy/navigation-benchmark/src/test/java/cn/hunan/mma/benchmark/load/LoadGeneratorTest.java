package cn.hunan.mma.benchmark.load;

import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import cn.hunan.mma.benchmark.stack.LoadGeneratorProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest {

    private final List<LoadGenerator> generators = new ArrayList<>();

    @AfterEach
    void close_the_connections() throws InterruptedException {
        for (LoadGenerator generator : generators) {
            generator.close();
        }
    }

    private LoadGenerator opened(LoadGenerator generator) {
        generators.add(generator);
        return generator;
    }

    @Test
    void counts_every_measured_request_by_outcome_and_leaves_out_the_warm_up() throws Exception {
        try (TinyServer server = new TinyServer()) {
            List<PlannedQuery> queries = List.of(query("/ok"), query("/fail"), query("/limited"), query("/empty"));
            LoadGenerator generator = opened(new LoadGenerator(server.baseUrl(), queries, Duration.ofSeconds(2), 16, line -> { }));

            // 100/s: 20 warm-up requests, then 80 measured — request i asks queries[i % 4], so 20 of each kind.
            LoadResult result = generator.run(OpenLoopSchedule.of(System.nanoTime(), 100, 0.2, 0.8));

            assertThat(result.sent()).isEqualTo(80);
            assertThat(result.completed()).isEqualTo(80);
            assertThat(result.outcomes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("2xx", 40L, "HTTP 500", 20L, "HTTP 429", 20L));
            assertThat(result.emptyRankings()).isEqualTo(20);
            assertThat(result.errors()).isEqualTo(20);
            assertThat(result.latency().getTotalCount()).isEqualTo(80);
        }
    }

    @Test
    void a_request_the_server_never_answers_is_a_timeout_charged_at_its_timeout() throws Exception {
        try (TinyServer server = new TinyServer()) {
            LoadGenerator generator = opened(new LoadGenerator(server.baseUrl(), List.of(query("/hang")),
                    Duration.ofMillis(300), 16, line -> { }));

            LoadResult result = generator.run(OpenLoopSchedule.of(System.nanoTime(), 20, 0, 0.25));

            assertThat(result.outcomes()).containsOnlyKeys("timeout");
            assertThat(result.count("timeout")).isEqualTo(5);
            assertThat(result.latency().getMinValue()).isGreaterThanOrEqualTo(300_000);
        }
    }

    @Test
    void never_has_more_requests_in_flight_than_connections_and_counts_those_that_waited_too_long() throws Exception {
        try (TinyServer server = new TinyServer()) {
            LoadGenerator generator = opened(new LoadGenerator(server.baseUrl(), List.of(query("/hang")),
                    Duration.ofMillis(300), 1, line -> { }));

            // Five requests 50 ms apart on one connection to a server that never answers: the first
            // holds the connection until its 300 ms timeout, so at most two are ever sent and the
            // others give up waiting for the connection when their own 300 ms have passed.
            LoadResult result = generator.run(OpenLoopSchedule.of(System.nanoTime(), 20, 0, 0.25));

            assertThat(server.hangRequests.get()).isBetween(1, 2);
            assertThat(result.count("timeout") + result.count(Outcome.QUEUED_TOO_LONG)).isEqualTo(5);
            assertThat(result.count(Outcome.QUEUED_TOO_LONG)).isGreaterThanOrEqualTo(3);
            assertThat(result.errors()).isEqualTo(5);
        }
    }

    @Test
    void sends_the_referring_doctors_token_with_referral_queries_only() throws Exception {
        try (TinyServer server = new TinyServer()) {
            List<PlannedQuery> queries = List.of(query("/ok"), new PlannedQuery("/ok", Optional.of("doctor-token")));
            LoadGenerator generator = opened(new LoadGenerator(server.baseUrl(), queries, Duration.ofSeconds(2), 16, line -> { }));

            generator.run(OpenLoopSchedule.of(System.nanoTime(), 100, 0, 0.1));

            assertThat(server.tokens).containsOnlyKeys("Bearer doctor-token");
            assertThat(server.tokens.get("Bearer doctor-token").get()).isEqualTo(5);
        }
    }

    @Test
    void runs_as_its_own_jvm_and_hands_back_its_result(@TempDir Path dir) throws Exception {
        try (TinyServer server = new TinyServer()) {
            Path queries = dir.resolve("queries.tsv");
            Files.write(queries, List.of(query("/ok").toLine(), query("/fail").toLine()));
            List<String> jvm = new ArrayList<>(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));

            try (LoadGeneratorProcess process = LoadGeneratorProcess.start(server.baseUrl(), queries, dir.resolve("result.json"),
                    50, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), 8, jvm)) {
                LoadResult result = process.awaitResult(Duration.ofSeconds(60));

                assertThat(result.sent()).isEqualTo(50);
                assertThat(result.outcomes()).containsEntry("2xx", 25L).containsEntry("HTTP 500", 25L);
            }
        }
    }

    private static PlannedQuery query(String path) {
        return new PlannedQuery(path, Optional.empty());
    }
}

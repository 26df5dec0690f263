package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.simulator.oracle.OracleReport;
import cn.hunan.mma.simulator.oracle.Scope;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The must-show: a generated area and period, with duplicates, late events and corrections
 * injected at raised rates, replayed into the real broker and scored by the real topology under
 * the service's Kafka Streams settings (exactly-once); the totals equal the simulator's oracle
 * exactly, figure by figure ({@link OracleComparison}), for every scope and period the oracle
 * reports. 韶山市 (430382), 2025-03-29 … 2025-04-02 (a month boundary inside).
 */
class OracleEqualityTest {

    @TempDir
    Path work;
    private KafkaStreams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void the_scorers_totals_equal_the_oracle_after_a_replay_with_duplicates_late_events_and_corrections() {
        OracleWorkload workload = OracleWorkload.shaoshan();
        OracleReport oracle = workload.oracle();
        assertThat(oracle.delivery().duplicatesIgnored()).as("the run injects duplicates").isPositive();
        assertThat(oracle.delivery().corrections()).as("the run injects corrections").isPositive();
        assertThat(oracle.count(Scope.province("430000"), Period.ofYear(2025), "visits")).as("a non-trivial workload").isGreaterThan(1000);
        System.out.printf("oracle test: %d lines, %d counted, %d duplicates, %d corrections, %d dead letters, %d scopes%n",
                oracle.delivery().lines(), oracle.delivery().countedTotal(), oracle.delivery().duplicatesIgnored(),
                oracle.delivery().corrections(), oracle.delivery().deadLetteredTotal(), oracle.scopes().size());

        String bootstrap = RealKafkaTestResource.bootstrapServers();
        workload.publishMatrix(bootstrap);
        RuleSet seed = RuleSetJson.seed();
        ScoringTopology.ensureOwnTopics(bootstrap);
        streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(), Duration.ofDays(15),
                Duration.ofSeconds(30), seed, Clock.systemUTC())).build(),
                ScorerStreamsConfig.of("scoring-oracle-" + UUID.randomUUID(), bootstrap, work.resolve("state")));
        long started = System.nanoTime();
        streams.start();
        workload.replay(bootstrap);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(differences(oracle)).isEmpty());
        System.out.printf("oracle test: totals equal the oracle %.1f s after the streams started%n", (System.nanoTime() - started) / 1e9);
    }

    private List<String> differences(OracleReport oracle) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of("streams " + streams.state());
        }
        TotalsReader totals = TotalsReader.of(streams);
        return OracleComparison.differences(oracle, totals::totals);
    }
}

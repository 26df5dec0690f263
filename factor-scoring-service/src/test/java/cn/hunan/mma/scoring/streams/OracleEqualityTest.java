package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.Totals;
import cn.hunan.mma.simulator.SimulatorCommand;
import cn.hunan.mma.simulator.oracle.FigureValue;
import cn.hunan.mma.simulator.oracle.Oracle;
import cn.hunan.mma.simulator.oracle.OracleReport;
import cn.hunan.mma.simulator.oracle.Scope;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The must-show: a generated area and period, with duplicates, late events and corrections
 * injected at raised rates, replayed into the real broker and scored by the real topology under
 * exactly-once; the totals equal the simulator's oracle exactly, figure by figure, for every scope
 * and period the oracle reports. 韶山市 (430382), 2025-03-29 … 2025-04-02 (a month boundary inside).
 */
class OracleEqualityTest {

    private static final String AREA = "430382";

    /** Oracle figure → the measures of the seed rule set with the same semantics (numerator, denominator). */
    private static final Map<String, List<String>> FIGURES = Map.ofEntries(
            Map.entry("visits", List.of("visits")),
            Map.entry("admissions", List.of("admissions")),
            Map.entry("discharges", List.of("discharges")),
            Map.entry("fund-paid", List.of("fund-paid")),
            Map.entry("inpatient.transfers-to-primary-care", List.of("inpatient.transfers-to-primary-care")),
            Map.entry("referrals.UP", List.of("referrals.UP")),
            Map.entry("referrals.DOWN", List.of("referrals.DOWN")),
            Map.entry("referrals.HORIZONTAL", List.of("referrals.HORIZONTAL")),
            Map.entry("prevention.family-doctor-contracts", List.of("prevention.family-doctor-contracts")),
            Map.entry("prevention.family-doctor-contracts.key-groups", List.of("prevention.family-doctor-contracts.key-groups")),
            Map.entry("conduct.verified-violations", List.of("conduct.verified-violations")),
            Map.entry("residents.discharges", List.of("residents.discharges")),
            Map.entry("residents.discharges.out-of-area", List.of("residents.discharges.out-of-area")),
            Map.entry("residents.fund-paid", List.of("residents.fund-paid")),
            Map.entry("residents.fund-paid.in-area", List.of("residents.fund-paid.in-area")),
            Map.entry("residents.fund-paid.out-of-area", List.of("residents.fund-paid.out-of-area")),
            Map.entry("outpatient.primary-level-share", List.of("visits.primary-level", "visits")),
            Map.entry("outpatient.contracted-primary-level-share", List.of("visits.contracted.primary-level", "visits.contracted")),
            Map.entry("outpatient.cost-per-visit", List.of("visits.charges-total", "visits")),
            Map.entry("inpatient.in-area-share", List.of("residents.discharges.in-area", "residents.discharges")),
            Map.entry("inpatient.out-of-area-share", List.of("residents.discharges.out-of-area", "residents.discharges")),
            Map.entry("referral.reserved-slot-use-rate", List.of("slots.booked-by-referral", "slots.reserved-for-referral")),
            Map.entry("quality.average-length-of-stay", List.of("discharges.length-of-stay-days", "discharges")),
            Map.entry("quality.cost-per-inpatient-case", List.of("discharges.charges-total", "discharges")),
            Map.entry("prevention.near-home-follow-up-share", List.of("prevention.follow-ups.near-home", "prevention.follow-ups")),
            Map.entry("conduct.verified-complaints-per-10000-visits", List.of("conduct.verified-complaints", "visits")),
            Map.entry("insurance.fund-in-area-share", List.of("residents.fund-paid.in-area", "residents.fund-paid")),
            Map.entry("insurance.primary-level-fund-share", List.of("residents.fund-paid.primary-level", "residents.fund-paid")));

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
        String bootstrap = RealKafkaTestResource.bootstrapServers();
        Path matrix = work.resolve("matrix");
        Path events = work.resolve("events.jsonl.gz");
        simulate("matrix", "--area", AREA, "--out", matrix.toString());
        simulate("matrix", "--area", AREA, "--bootstrap-servers", bootstrap);
        simulate("events", "--area", AREA, "--from", "2025-03-29", "--days", "5", "--duplicate-rate", "0.02",
                "--late-rate", "0.02", "--correction-rate", "0.02", "--malformed-rate", "0.001", "--no-progress", "--out", events.toString());
        OracleReport oracle = new Oracle(Clock.systemUTC()).run(events, matrix);
        assertThat(oracle.delivery().duplicatesIgnored()).as("the run injects duplicates").isPositive();
        assertThat(oracle.delivery().corrections()).as("the run injects corrections").isPositive();
        assertThat(oracle.count(Scope.province("430000"), Period.ofYear(2025), "visits")).as("a non-trivial workload").isGreaterThan(1000);
        System.out.printf("oracle test: %d lines, %d counted, %d duplicates, %d corrections, %d dead letters, %d scopes%n",
                oracle.delivery().lines(), oracle.delivery().countedTotal(), oracle.delivery().duplicatesIgnored(),
                oracle.delivery().corrections(), oracle.delivery().deadLetteredTotal(), oracle.scopes().size());

        RuleSet seed = RuleSetJson.seed();
        RuleSetTopic.ensureExists(bootstrap);
        streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(), Duration.ofDays(15),
                Duration.ofSeconds(30), seed, Clock.systemUTC())).build(), config(bootstrap));
        long started = System.nanoTime();
        streams.start();
        simulate("replay", events.toString(), "--bootstrap-servers", bootstrap, "--no-progress");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(differences(oracle)).isEmpty());
        System.out.printf("oracle test: totals equal the oracle %.1f s after the streams started%n", (System.nanoTime() - started) / 1e9);
    }

    private List<String> differences(OracleReport oracle) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of("streams " + streams.state());
        }
        TotalsReader totals = new TotalsReader(streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.TOTALS_STORE,
                QueryableStoreTypes.<String, MonthTotals>keyValueStore())));
        List<String> differences = new ArrayList<>();
        for (Scope scope : oracle.scopes()) {
            String key = scope.kind() + ":" + scope.entityId();
            for (Period period : oracle.periods(scope)) {
                Totals mine = totals.totals(key, period);
                FIGURES.forEach((figure, measures) -> {
                    if (figure.endsWith("level-share") && scope.kind() == ScoredEntityKind.INSTITUTION) {
                        return; // the oracle reports level shares for areas and alliances only
                    }
                    FigureValue expected = oracle.figure(scope, period, figure).orElse(null);
                    long expectedNumerator = expected == null ? 0 : expected.numerator().amount();
                    if (mine.of(measures.get(0)) != expectedNumerator) {
                        differences.add(key + " " + period + " " + figure + " numerator: " + mine.of(measures.get(0)) + " ≠ " + expectedNumerator);
                    }
                    if (measures.size() > 1) {
                        long expectedDenominator = expected == null || expected.denominator() == null ? 0 : expected.denominator().amount();
                        if (mine.of(measures.get(1)) != expectedDenominator) {
                            differences.add(key + " " + period + " " + figure + " denominator: " + mine.of(measures.get(1)) + " ≠ " + expectedDenominator);
                        }
                    }
                });
            }
        }
        return differences.size() > 20 ? differences.subList(0, 20) : differences;
    }

    private Properties config(String bootstrap) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-oracle-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        config.put("consumer.auto.offset.reset", "earliest");
        return config;
    }

    private static void simulate(String... args) {
        int exit = new CommandLine(new SimulatorCommand()).execute(args);
        assertThat(exit).as("simulate " + String.join(" ", args)).isZero();
    }
}

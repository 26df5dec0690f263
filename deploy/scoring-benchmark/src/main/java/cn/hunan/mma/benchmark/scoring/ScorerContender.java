package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.streams.MonthTotals;
import cn.hunan.mma.scoring.streams.ScoringSettings;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contenders (a) and (b) in their own JVM: the real {@link ScoringTopology} with the service's settings. Prints
 * {@code @READY} once RUNNING (the parent starts its clock), then waits for {@code stop} on stdin (sent when the
 * parent has seen every input record committed), prints {@code @RESULT cpu=…} — this JVM's CPU since RUNNING — and
 * writes its final totals (the {@code scope-month-totals} store) for the agreement check.
 */
final class ScorerContender {

    private ScorerContender() {
    }

    static void run(String bootstrap, String applicationId, Path stateDir, String guarantee, Duration emitInterval,
                    Map<String, String> overrides, Path totalsOut, Path jfr) throws Exception {
        RuleSet seed = RuleSetJson.seed();
        ScoringTopology.ensureOwnTopics(bootstrap);
        var config = ScorerSettings.of(applicationId, bootstrap, stateDir, guarantee, overrides);
        System.out.println("scorer settings: " + new TreeMap<>(config));
        try (KafkaStreams streams = new KafkaStreams(new ScoringTopology(seed, new ScoringSettings(ContractCodec.standard(),
                Duration.ofDays(15), emitInterval, seed, Clock.systemUTC())).build(), config)) {
            long[] cpuAtRunning = {-1};
            Profile[] profile = {null};
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && cpuAtRunning[0] < 0) {
                    cpuAtRunning[0] = Cpu.processNanos();
                    profile[0] = Profile.start(jfr);
                    Protocol.send("READY");
                }
            });
            streams.start();
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = stdin.readLine(); line != null && !line.equals("stop"); line = stdin.readLine()) {
                // nothing else is ever sent; end of file means the parent is gone
            }
            long cpu = Cpu.processNanos() - cpuAtRunning[0];
            if (profile[0] != null) {
                profile[0].close();
            }
            Protocol.send("RESULT cpu=" + cpu / 1e9);
            if (totalsOut != null) {
                TotalsFile.write(totalsOut, totals(streams));
            }
            Protocol.send("DONE");
        }
    }

    private static Map<String, Map<String, Long>> totals(KafkaStreams streams) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        var store = streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.TOTALS_STORE,
                QueryableStoreTypes.<String, MonthTotals>keyValueStore()));
        try (KeyValueIterator<String, MonthTotals> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, MonthTotals> next = all.next();
                Map<String, Long> values = new TreeMap<>(next.value.values());
                values.values().removeIf(amount -> amount == 0L);
                if (!values.isEmpty()) {
                    out.put(next.key, values);
                }
            }
        }
        return out;
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.simulator.SimulatorCommand;
import cn.hunan.mma.simulator.oracle.Oracle;
import cn.hunan.mma.simulator.oracle.OracleReport;
import cn.hunan.mma.simulator.oracle.Scope;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated area and period with faults injected at raised rates, and the simulator's oracle
 * over it: generated once per test JVM and shared by the oracle-equality tests and the benchmark
 * (the generator and the oracle are deterministic for the same arguments).
 *
 * @param matrix the matrix directory ({@code simulate matrix --out})
 * @param events the event file, in delivery order
 */
record OracleWorkload(String area, Path matrix, Path events, OracleReport oracle) {

    /** 韶山市 (430382), 2025-03-29 … 2025-04-02: five days across a month boundary, ~35,000 lines. */
    static OracleWorkload shaoshan() {
        return of("430382", "2025-03-29", 5);
    }

    private static final ConcurrentMap<String, OracleWorkload> GENERATED = new ConcurrentHashMap<>();

    static OracleWorkload of(String area, String from, int days) {
        return GENERATED.computeIfAbsent(area + "-" + from + "-" + days, name -> generate(area, from, days, name));
    }

    private static OracleWorkload generate(String area, String from, int days, String name) {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "oracle-workloads")), name + "-");
            Path matrix = directory.resolve("matrix");
            Path events = directory.resolve("events.jsonl.gz");
            simulate("matrix", "--area", area, "--out", matrix.toString());
            simulate("events", "--area", area, "--from", from, "--days", Integer.toString(days), "--duplicate-rate", "0.02",
                    "--late-rate", "0.02", "--correction-rate", "0.02", "--malformed-rate", "0.001", "--no-progress",
                    "--out", events.toString());
            return new OracleWorkload(area, matrix, events, new Oracle(Clock.systemUTC()).run(events, matrix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the area's matrix (institutions, alliances, …) to the broker's compacted matrix topics. */
    void publishMatrix(String bootstrapServers) {
        simulate("matrix", "--area", area, "--bootstrap-servers", bootstrapServers);
    }

    /** Sends the event file to the broker at full speed. */
    void replay(String bootstrapServers) {
        simulate("replay", events.toString(), "--bootstrap-servers", bootstrapServers, "--no-progress");
    }

    long lines() {
        return oracle.delivery().lines();
    }

    /** Every scope the oracle reports, with its periods. */
    List<Scope> scopes() {
        return oracle.scopes();
    }

    List<Period> periods(Scope scope) {
        return oracle.periods(scope);
    }

    static void simulate(String... args) {
        int exit = new CommandLine(new SimulatorCommand()).execute(args);
        assertThat(exit).as("simulate " + String.join(" ", args)).isZero();
    }
}

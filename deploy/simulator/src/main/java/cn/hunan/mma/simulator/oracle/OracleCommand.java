package cn.hunan.mma.simulator.oracle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code simulate oracle}: the expected figures of an event file, as JSON and as a short summary. */
@Command(name = "oracle", mixinStandardHelpOptions = true,
        description = {"Computes, independently of the services, the figures the scorer and settlement must reproduce "
                + "for an event file: volumes, fund spending, out-of-area shares, referral outcomes and the seed indicators.",
                "Semantics and report format: deploy/simulator/README.md (The oracle)."})
public final class OracleCommand implements Callable<Integer> {

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "The event file (.jsonl.gz).")
    private Path events;

    @Option(names = "--matrix", required = true, paramLabel = "DIR", description = "The matrix directory the events were generated against.")
    private Path matrix;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON report.")
    private Path out;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The decoding clock, e.g. 2026-01-01T00:00:00Z: records more than 5 minutes after it are "
                    + "dead-lettered as TIMESTAMP_IN_FUTURE, as the services would at that moment. Default: the system clock.")
    private Instant now;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
        long started = System.nanoTime();
        OracleReport report = new Oracle(clock).run(events, matrix);
        double seconds = (System.nanoTime() - started) / 1e9;
        ReportJson.write(report, out);

        PrintWriter console = spec.commandLine().getOut();
        ReportSummary.print(report, console);
        console.printf("  %.1f s, %,.0f lines/s; report: %s%n", seconds, report.delivery().lines() / Math.max(seconds, 1e-9), out);
        console.flush();
        return 0;
    }
}

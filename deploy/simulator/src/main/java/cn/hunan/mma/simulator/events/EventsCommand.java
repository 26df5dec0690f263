package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.matrix.AreaMatrix;
import cn.hunan.mma.simulator.matrix.MatrixArguments;
import cn.hunan.mma.simulator.matrix.MatrixCommand;
import cn.hunan.mma.simulator.matrix.MatrixGenerator;
import cn.hunan.mma.simulator.output.GzipEventFile;
import cn.hunan.mma.simulator.output.KafkaEventSink;
import cn.hunan.mma.simulator.output.KafkaLineSender;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.output.ProgressBar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code simulate events}: an area's events for a period, to an event file or straight to Kafka. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Generates the events of an area's residents and institutions for a period (a day to years),"
                + " deterministically from the seed, with injected delivery faults; to a file or to Kafka.")
public final class EventsCommand implements Callable<Integer> {

    @Mixin
    MatrixArguments matrix;

    @Option(names = "--period", defaultValue = "2025",
            description = "A year (2025), half year (2025-H1) or month (2025-03), China Standard Time. Default: ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--from", description = "First day (yyyy-MM-dd); with --days, instead of --period.")
    LocalDate from;

    @Option(names = "--days", description = "Number of days from --from.")
    Integer days;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", description = "Event file to write (gzip JSON lines, *.jsonl.gz); a summary goes beside it.")
        Path out;

        @Option(names = "--bootstrap-servers", description = "Send to this Kafka instead (topics are created if missing).")
        String bootstrapServers;
    }

    @Option(names = "--faults", defaultValue = "typical",
            description = "Fault preset: typical (0.2%% duplicates, 0.5%% late, 0.1%% corrections, 1%% out of order,"
                    + " 0.01%% malformed) or none. Default: ${DEFAULT-VALUE}")
    String faultPreset;

    @Option(names = "--duplicate-rate", description = "Overrides the preset.")
    Double duplicateRate;
    @Option(names = "--late-rate", description = "Overrides the preset.")
    Double lateRate;
    @Option(names = "--correction-rate", description = "Overrides the preset.")
    Double correctionRate;
    @Option(names = "--out-of-order-rate", description = "Overrides the preset.")
    Double outOfOrderRate;
    @Option(names = "--malformed-rate", description = "Overrides the preset.")
    Double malformedRate;

    @Option(names = "--threads", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--reserved-expert-share", defaultValue = "0.2",
            description = "Share of expert clinic slots held for referrals (local rule). Default: ${DEFAULT-VALUE}")
    double reservedExpertShare;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics created in Kafka. Default: ${DEFAULT-VALUE}")
    short replicationFactor;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        RunOptions options = new RunOptions(matrix.seed(), firstDay(), dayCount(), faultRates(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), reservedExpertShare);
        long started = System.nanoTime();
        AreaMatrix area = AreaMatrix.of(MatrixGenerator.generate(matrix.options()), matrix.area());
        Simulation simulation = new Simulation(area, options);
        System.err.printf("%s: %,d residents in %d county-level units, %s to %s, seed %d (set up in %.1f s)%n",
                area.area(), area.population(), area.counties().size(), options.firstDay(), options.lastDay(),
                options.seed(), (System.nanoTime() - started) / 1e9);
        ProgressBar bar = new ProgressBar(System.err, "day", "lines");
        Simulation.Progress progress = noProgress ? Simulation.Progress.NONE : (done, total, lines) -> bar.update(done, total, lines);
        long generationStarted = System.nanoTime();
        EventTally tally;
        long bytes = -1;
        if (target.out != null) {
            try (GzipEventFile file = new GzipEventFile(target.out)) {
                tally = simulation.run(file, progress);
                bytes = file.bytes();
            }
            RunSummary.write(RunSummary.besides(target.out), "deploy/simulate events " + matrix.asArguments()
                    + " " + periodArguments() + " --faults " + faultArguments() + " --out FILE", simulation, tally);
        } else {
            KafkaSettings.quietClientLogs();
            KafkaSettings.createTopics(target.bootstrapServers, replicationFactor);
            try (KafkaEventSink sink = new KafkaEventSink(
                    new KafkaLineSender(target.bootstrapServers, MatrixCommand.SOURCE, "mma-simulator-events"))) {
                tally = simulation.run(sink, progress);
            }
        }
        bar.finish();
        double seconds = (System.nanoTime() - generationStarted) / 1e9;
        System.out.printf("%,d events generated, %,d lines delivered (%,d beyond the period) in %.1f s: %,.0f lines/s%n",
                tally.totalEvents(), tally.linesDelivered(), tally.linesBeyondPeriod(), seconds, tally.linesDelivered() / seconds);
        if (bytes >= 0) {
            System.out.printf("wrote %s: %,d bytes (%.1f bytes/line)%n", target.out, bytes, (double) bytes / Math.max(1, tally.linesDelivered()));
        }
        return 0;
    }

    private LocalDate firstDay() {
        if (from != null) {
            return from;
        }
        return LocalDate.ofInstant(Period.parse(period).start(), Period.ZONE);
    }

    private int dayCount() {
        if (from != null) {
            if (days == null) {
                throw new IllegalArgumentException("--from needs --days");
            }
            return days;
        }
        Period parsed = Period.parse(period);
        return (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(parsed.start(), Period.ZONE),
                LocalDate.ofInstant(parsed.end(), Period.ZONE));
    }

    private String periodArguments() {
        return from != null ? "--from " + from + " --days " + days : "--period " + period;
    }

    private String faultArguments() {
        FaultRates rates = faultRates();
        return faultPreset + " --duplicate-rate " + rates.duplicate() + " --late-rate " + rates.late()
                + " --correction-rate " + rates.correction() + " --out-of-order-rate " + rates.outOfOrder()
                + " --malformed-rate " + rates.malformed();
    }

    private FaultRates faultRates() {
        FaultRates preset = switch (faultPreset) {
            case "typical" -> FaultRates.typical();
            case "none" -> FaultRates.none();
            default -> throw new IllegalArgumentException("--faults must be typical or none");
        };
        return new FaultRates(
                duplicateRate != null ? duplicateRate : preset.duplicate(),
                lateRate != null ? lateRate : preset.late(),
                correctionRate != null ? correctionRate : preset.correction(),
                outOfOrderRate != null ? outOfOrderRate : preset.outOfOrder(),
                malformedRate != null ? malformedRate : preset.malformed());
    }
}

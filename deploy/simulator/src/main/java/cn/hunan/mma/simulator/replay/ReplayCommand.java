package cn.hunan.mma.simulator.replay;

import cn.hunan.mma.simulator.events.RunSummary;
import cn.hunan.mma.simulator.matrix.MatrixCommand;
import cn.hunan.mma.simulator.output.KafkaLineSender;
import cn.hunan.mma.simulator.output.KafkaSettings;
import cn.hunan.mma.simulator.output.ProgressBar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code simulate replay}: an event file into Kafka, at full speed or at a fixed open-loop rate. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Sends an event file to Kafka exactly as it is (keys, values, CloudEvents headers from the"
                + " values), at full speed or at a fixed rate scheduled by the wall clock (open loop).")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The event file (*.jsonl.gz).")
    Path file;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka to send to.")
    String bootstrapServers;

    @Option(names = "--rate", defaultValue = "0",
            description = "Records per second, open loop; 0 for full speed. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--limit", defaultValue = "0", description = "Send only the first N records (0: all).")
    long limit;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics created if missing. Default: ${DEFAULT-VALUE}")
    short replicationFactor;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        KafkaSettings.quietClientLogs();
        KafkaSettings.createTopics(bootstrapServers, replicationFactor);
        long expected = expectedLines();
        ProgressBar bar = new ProgressBar(System.err, "records");
        ReplayReport report;
        try (KafkaLineSender sender = new KafkaLineSender(bootstrapServers, MatrixCommand.SOURCE, "mma-simulator-replay")) {
            report = new Replayer(sender).replay(file, rate, limit, sent -> {
                if (!noProgress) {
                    bar.update(sent, Math.max(sent, expected), sent);
                }
            });
        }
        bar.finish();
        System.out.printf("sent %,d records in %.1f s, all %,d acknowledged after %.1f s: %,.0f records/s%s%n",
                report.sent(), report.sendSeconds(), report.acknowledged(), report.totalSeconds(), report.recordsPerSecond(),
                rate > 0 ? String.format(" (target %,.0f/s, worst send %.1f ms behind its slot)", rate, report.maxLagMillis()) : "");
        return 0;
    }

    /** The line count from the summary beside the file, when there is one (for the progress bar). */
    private long expectedLines() {
        Path summary = RunSummary.besides(file);
        if (!Files.exists(summary)) {
            return 0;
        }
        try {
            JsonNode lines = new ObjectMapper().readTree(summary.toFile()).get("linesDelivered");
            long total = lines == null ? 0 : lines.asLong();
            return limit > 0 ? Math.min(limit, total) : total;
        } catch (IOException e) {
            return 0;
        }
    }
}

package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.simulator.output.ContractRecordPublisher;
import cn.hunan.mma.simulator.output.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code simulate matrix}: generates an area's hospital matrix to a directory and/or the matrix topics. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Generates the hospital matrix of an area from the real divisions and census (institutions,"
                + " departments, alliances, a synthetic guidance catalogue); writes a directory and/or publishes it.")
public final class MatrixCommand implements Callable<Integer> {

    /** The CloudEvents source of everything the simulator publishes. */
    public static final URI SOURCE = URI.create("/mma/simulator");

    @Mixin
    MatrixArguments matrix;

    @Option(names = "--out", description = "Directory to write (institutions.jsonl, alliances.jsonl, …, departments.csv).")
    Path out;

    @Option(names = "--bootstrap-servers", description = "Also publish the records on the matrix topics of this Kafka.")
    String bootstrapServers;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics created when publishing. Default: ${DEFAULT-VALUE}")
    short replicationFactor;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        HospitalMatrix province = MatrixGenerator.generate(matrix.options());
        AreaMatrix area = AreaMatrix.of(province, matrix.area());
        System.out.printf("matrix of %s (seed %d) in %.1f s%n", area.area(), matrix.seed(), (System.nanoTime() - started) / 1e9);
        System.out.print(MatrixCounts.of(area).table());
        if (out != null) {
            // The banner names the options, not the path: equal options give byte-identical directories anywhere.
            MatrixDirectory.write(out, area, "deploy/simulate matrix " + matrix.asArguments() + " --out DIR");
            System.out.println("wrote " + out.toAbsolutePath());
        }
        if (bootstrapServers != null) {
            KafkaSettings.quietClientLogs();
            KafkaSettings.createTopics(bootstrapServers, replicationFactor);
            MatrixRecords records = new MatrixRecords(area);
            try (ContractRecordPublisher publisher = new ContractRecordPublisher(bootstrapServers, SOURCE)) {
                publisher.publish(records.institutions());
                publisher.publish(records.alliances());
                publisher.publish(records.specialties());
                publisher.publish(records.guidanceCatalogue());
            }
            System.out.println("published to " + bootstrapServers);
        }
        return 0;
    }
}

package cn.hunan.mma.infra.broker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Formats the KRaft log directory once; a formatted directory keeps its cluster id and data. */
final class KRaftStorage {

    private KRaftStorage() {
    }

    /**
     * Same as {@code kafka-storage.sh format}, without its System.exit. Skipped when the directory
     * already holds meta.properties: {@code --ignore-formatted} would still reject the new random
     * cluster id, and reusing the directory is the point of the local stack's persistent mode.
     */
    static void formatIfNeeded(Path serverProperties, Path logDir, PrintStream out) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            out.println("Reusing formatted log directory " + logDir);
            return;
        }
        String[] command = {
            "format",
            "--config", serverProperties.toString(),
            "--cluster-id", Uuid.randomUuid().toString()
        };
        int exitCode = StorageTool.execute(command, out);
        if (exitCode != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exitCode);
        }
    }
}

package cn.hunan.mma.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a test JVM or the local-stack runner, to be killed by a test: starts a local
 * server ({@code kafka <workDir>} or {@code postgres <dataDir>}), prints its pid, waits forever.
 */
public final class ServerParentMain {

    static final String PID_LINE_PREFIX = "SERVER_PID=";

    private ServerParentMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        long pid = switch (args[0]) {
            case "kafka" -> LocalKafka.start(dir).brokerPid();
            case "postgres" -> {
                LocalPostgres postgres = LocalPostgres.start(dir);
                postgres.createDatabase("navigation");
                Sql.on(postgres, "navigation").execute(
                        "CREATE TABLE institution (code text PRIMARY KEY)",
                        "INSERT INTO institution VALUES ('430102-001')");
                yield Long.parseLong(java.nio.file.Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            }
            default -> throw new IllegalArgumentException("kafka or postgres, not " + args[0]);
        };
        System.out.println(PID_LINE_PREFIX + pid);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

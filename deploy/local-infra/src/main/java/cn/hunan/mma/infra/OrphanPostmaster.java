package cn.hunan.mma.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL does not notice that the JVM which started it died (kill -9, a crashed IDE run):
 * its postmaster keeps the data directory locked. Before reusing a persistent data directory we
 * stop such a leftover, so the local stack comes back after a crash instead of failing on
 * "lock file postmaster.pid already exists".
 */
final class OrphanPostmaster {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDir) {
        recordedPid(dataDir).flatMap(ProcessHandle::of)
                .filter(OrphanPostmaster::isPostgres)
                .ifPresent(OrphanPostmaster::stop);
    }

    private static Optional<Long> recordedPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            // Unreadable: leave it to PostgreSQL, whose own check gives a precise error.
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive() && process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /** SIGTERM is PostgreSQL's "smart" shutdown; the dead JVM's connections are already gone. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping leftover postmaster " + postmaster.pid(), e);
        }
    }
}

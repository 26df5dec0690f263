package cn.hunan.mma.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class running in its own JVM, its stdout and stderr appended to a log file. Its
 * stdin stays an open pipe that nobody writes to: the child treats end of file as "my parent is
 * gone", which the kernel guarantees however the parent dies.
 */
final class ChildJvm {

    private static final int TAIL_LINES = 40;
    private static final long POLL_MILLIS = 50;

    private final Process process;
    private final ChildLog log;
    private final String description;

    private ChildJvm(Process process, ChildLog log, String description) {
        this.process = process;
        this.log = log;
        this.description = description;
    }

    static ChildJvm launch(String description, String classpath, List<String> jvmOptions, String mainClass,
                           List<String> arguments, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        ChildLog log = ChildLog.beginRun(logFile);
        try {
            Process process = new ProcessBuilder(OwnSession.command(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildJvm(process, log, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + description, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for a line of this run's output that starts with {@code prefix}.
     *
     * @throws ServerStartupException when the child exits first or the timeout passes; the child is
     *                               then stopped and the message carries its last log lines
     */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var line = log.lineStartingWith(prefix);
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw failure(description + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() - deadline > 0) {
                stop(Duration.ZERO);
                throw failure(description + " was not ready within " + timeout.toSeconds() + " s");
            }
            waitForExit(POLL_MILLIS);
        }
    }

    /** Asks the child to stop (SIGTERM runs its shutdown hooks); kills it after {@code grace}. */
    synchronized void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(grace.toMillis())) {
            process.destroyForcibly();
            waitForExit(TimeUnit.SECONDS.toMillis(10));
        }
        closeQuietly(process.getOutputStream());
    }

    private boolean waitForExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        }
    }

    private ServerStartupException failure(String what) {
        return new ServerStartupException(what + "; last lines of " + log.file() + ":" + System.lineSeparator()
                + log.tail(TAIL_LINES), log.tail(TAIL_LINES));
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The child is gone; its pipe may be broken already.
        }
    }
}

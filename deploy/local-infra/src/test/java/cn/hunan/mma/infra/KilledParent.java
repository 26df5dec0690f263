package cn.hunan.mma.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link ServerParentMain} JVM: started, asked for its server's pid, then killed with SIGKILL. */
final class KilledParent implements AutoCloseable {

    private final Process process;
    private final long serverPid;

    private KilledParent(Process process, long serverPid) {
        this.process = process;
        this.serverPid = serverPid;
    }

    static KilledParent start(String server, Path dir) throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ServerParentMain.class.getName(), server, dir.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            long pid = CompletableFuture.supplyAsync(() -> serverPidFrom(process)).get(120, TimeUnit.SECONDS);
            return new KilledParent(process, pid);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle server() {
        return ProcessHandle.of(serverPid).orElseThrow(() -> new AssertionError("server " + serverPid + " is not running"));
    }

    /** SIGKILL: none of the parent's shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static long serverPidFrom(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ServerParentMain.PID_LINE_PREFIX)) {
                    return Long.parseLong(line.substring(ServerParentMain.PID_LINE_PREFIX.length()));
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("the parent JVM exited without starting its server:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

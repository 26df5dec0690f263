package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.infra.OwnSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One contender in a JVM of its own ({@link ContenderMain}, this command's classpath): its output goes to a log, its
 * {@link Protocol} lines to the caller, and {@code stop} goes to its stdin. Closing it kills it if it is still there.
 */
final class ContenderJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final Path log;

    private ContenderJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    static ContenderJvm start(String name, List<String> jvmOptions, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ContenderMain.class.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(OwnSession.command(command)).redirectErrorStream(true).start();
        ContenderJvm jvm = new ContenderJvm(name, process, log);
        Thread pump = new Thread(() -> jvm.pump(() -> Files.newBufferedWriter(log)), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return jvm;
    }

    private void pump(WriterSupplier logFile) {
        try (Writer out = logFile.open();
             BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.startsWith(Protocol.PREFIX)) {
                    messages.add(line.substring(Protocol.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            messages.add("EXIT " + e);
        }
        messages.add("EXIT");
    }

    @FunctionalInterface
    private interface WriterSupplier {
        Writer open() throws IOException;
    }

    /** The next protocol message, which must start with {@code expected}. */
    String await(String expected, Duration timeout) throws InterruptedException {
        String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null || !message.startsWith(expected)) {
            throw new IllegalStateException(name + ": expected " + expected + ", got " + (message == null ? "nothing within " + timeout : message)
                    + "; see " + log);
        }
        return message;
    }

    void stop() {
        stdin.println("stop");
    }

    @Override
    public void close() throws InterruptedException {
        stdin.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** "key=value" fields of a RESULT message. */
    static double field(String message, String key) {
        for (String part : message.split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return Double.parseDouble(part.substring(key.length() + 1));
            }
        }
        throw new IllegalArgumentException("no " + key + " in " + message);
    }
}

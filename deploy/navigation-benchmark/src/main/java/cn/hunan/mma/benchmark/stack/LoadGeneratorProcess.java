package cn.hunan.mma.benchmark.stack;

import cn.hunan.mma.benchmark.BenchmarkCommand;
import cn.hunan.mma.benchmark.load.LoadResult;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The load generator in its own JVM, on this JVM's classpath; its progress lines go to this console. */
public final class LoadGeneratorProcess implements AutoCloseable {

    private final Process process;
    private final Path result;

    private LoadGeneratorProcess(Process process, Path result) {
        this.process = process;
        this.result = result;
    }

    public static LoadGeneratorProcess start(URI baseUrl, Path queries, Path result, double rate, Duration warmup,
                                             Duration duration, Duration timeout, int connections,
                                             List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkCommand.class.getName(),
                "load-generator", "--base-url", baseUrl.toString(), "--queries", queries.toString(),
                "--result", result.toString(), "--rate", Double.toString(rate),
                "--warmup-seconds", Double.toString(warmup.toMillis() / 1000.0),
                "--duration-seconds", Double.toString(duration.toMillis() / 1000.0),
                "--timeout-ms", Long.toString(timeout.toMillis()), "--connections", Integer.toString(connections)));
        Process process = new ProcessBuilder(command).inheritIO().start();
        return new LoadGeneratorProcess(process, result);
    }

    public long pid() {
        return process.pid();
    }

    public LoadResult awaitResult(Duration atMost) throws InterruptedException, IOException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the load generator did not finish within " + atMost);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the load generator failed with exit code " + process.exitValue());
        }
        return new ObjectMapper().readValue(result.toFile(), LoadResult.class);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}

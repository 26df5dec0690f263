package cn.hunan.mma.benchmark.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every benchmark command does the same way: its run's lifetime, its messages, the service jar, ports, the machine's load. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** A benchmark's body, given the resources it starts; they are stopped however the body ends. */
    @FunctionalInterface
    public interface Body {
        void run(Resources resources) throws Exception;
    }

    /**
     * Runs the body and stops what it started, also on Ctrl-C: a shutdown hook closes the resources
     * while the body may still be starting things, and the body is told to give up.
     *
     * @return the command's exit code, 0 once the body returns
     */
    public static int run(Body body) throws Exception {
        Resources resources = new Resources();
        Thread onExit = new Thread(resources::close, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            body.run(resources);
            return 0;
        } finally {
            resources.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** The jar given on the command line, else the service module's own fast-jar; it must exist. */
    public static Path serviceJar(Path given, Path projectRoot, String serviceModule) {
        Path jar = given != null ? given : projectRoot.resolve(serviceModule + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + serviceModule + " jar at " + jar + " (build it, or give --service-jar)");
        }
        return jar;
    }

    public static void say(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The machine's 1/5/15-minute load averages, for the report: the box may be shared. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "n/a";
        }
    }
}

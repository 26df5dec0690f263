package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.streams.ScorerParts;
import cn.hunan.mma.simulator.io.MatrixFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of a contender's own JVM (started by {@link ScoringBenchmark}, so that its process CPU is its own):
 * <pre>
 * scorer  &lt;bootstrap&gt; &lt;application-id&gt; &lt;state-dir&gt; &lt;guarantee&gt; &lt;emit-interval&gt; &lt;totals-out|-&gt; &lt;jfr|-&gt; [key=value …]
 * flink   &lt;bootstrap&gt; &lt;output-topic&gt; &lt;matrix-dir&gt; &lt;parallelism&gt; &lt;checkpoint-dir&gt; &lt;totals-out|latency&gt;
 * plain   &lt;events-file&gt; &lt;matrix-dir&gt; &lt;totals-out&gt; &lt;jfr|-&gt;
 * </pre>
 */
public final class ContenderMain {

    private ContenderMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "scorer" -> {
                Map<String, String> overrides = new LinkedHashMap<>();
                for (int i = 8; i < args.length; i++) {
                    String[] pair = args[i].split("=", 2);
                    overrides.put(pair[0], pair[1]);
                }
                ScorerContender.run(args[1], args[2], Path.of(args[3]), args[4], Duration.parse(args[5]), overrides,
                        optional(args[6]), optional(args[7]));
            }
            case "flink" -> {
                Path checkpoints = Path.of(args[5]).toAbsolutePath();
                if (args[6].equals("latency")) {
                    FlinkContender.latency(args[1], args[2], args[3], Integer.parseInt(args[4]), checkpoints);
                } else {
                    FlinkContender.throughput(args[1], args[2], args[3], Integer.parseInt(args[4]), checkpoints, Path.of(args[6]));
                }
            }
            case "plain" -> plain(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), optional(args[4]));
            default -> throw new IllegalArgumentException("unknown contender " + args[0]);
        }
        System.exit(0);
    }

    private static void plain(Path events, Path matrix, Path totalsOut, Path jfr) throws Exception {
        ScorerParts parts = new ScorerParts(RuleSetJson.seed(), MatrixFiles.institutions(matrix), MatrixFiles.alliances(matrix));
        Profile profile = Profile.start(jfr);
        long cpu = Cpu.processNanos();
        long started = System.nanoTime();
        PlainJavaPass.Result result = PlainJavaPass.run(events, parts);
        double wall = (System.nanoTime() - started) / 1e9;
        long cpuUsed = Cpu.processNanos() - cpu;
        if (profile != null) {
            profile.close();
        }
        Protocol.send("RESULT wall=" + wall + " cpu=" + cpuUsed / 1e9 + " lines=" + result.lines()
                + " rejected=" + result.rejected());
        TotalsFile.write(totalsOut, result.totals().canonical(parts.measureIds()));
        Protocol.send("DONE");
    }

    private static Path optional(String arg) {
        return arg.equals("-") ? null : Path.of(arg);
    }
}

package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.streams.ScorerParts;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.io.MatrixFiles;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repeatable measurement behind factor-scoring-service's "Decoding and attribution cost": the event file is read
 * into memory once, then each round times, in this thread's CPU (not wall: the box is shared), (1) decoding every line
 * as the scorer does, (2) attributing every accepted record and writing its contribution bytes, and (3) the whole
 * {@link PlainJavaPass} over the file (gzip read, decode, attribute, ledger rule, totals). The first round includes
 * JIT warm-up, as the benchmark's single pass does; later rounds show the steady state.
 * <pre>
 * java -cp … cn.hunan.mma.benchmark.scoring.DecodeCostProbe &lt;events.jsonl.gz&gt; &lt;matrix-dir&gt; [rounds]
 * </pre>
 */
public final class DecodeCostProbe {

    private DecodeCostProbe() {
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    public static void main(String[] args) {
        Path events = Path.of(args[0]);
        Path matrix = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<EventLine> lines = new ArrayList<>();
        try (EventFileReader reader = new EventFileReader(events)) {
            for (EventLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        byte[][] keys = new byte[lines.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = lines.get(i).key().getBytes(StandardCharsets.UTF_8);
        }
        System.out.printf("%d lines; rounds of: decode µs/ev | attribute+bytes µs/ev | whole plain pass µs/ev (thread CPU)%n", lines.size());
        for (int round = 1; round <= rounds; round++) {
            ScorerParts parts = new ScorerParts(RuleSetJson.seed(), MatrixFiles.institutions(matrix), MatrixFiles.alliances(matrix));
            long processStart = Cpu.processNanos();
            long gcStart = gcMillis();
            long start = threads.getCurrentThreadCpuTime();
            List<ContractRecord> records = new ArrayList<>(lines.size());
            for (int i = 0; i < keys.length; i++) {
                EventLine line = lines.get(i);
                ContractRecord record = parts.decode(line.topic(), keys[i], line.value());
                if (record != null) {
                    records.add(record);
                }
            }
            long decoded = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            for (ContractRecord record : records) {
                bytes += parts.attribute(record).contribution().length;
            }
            long attributed = threads.getCurrentThreadCpuTime();
            PlainJavaPass.Result result = PlainJavaPass.run(events, parts);
            long passed = threads.getCurrentThreadCpuTime();
            long processUsed = Cpu.processNanos() - processStart;
            System.out.printf("round %d: %.1f | %.1f | %.1f   round's process CPU %.2f s = %.1f µs/line (this thread %.2f s; GC %d ms;"
                            + " JIT so far %d ms)  (accepted %d, contribution bytes %d)%n", round,
                    (decoded - start) / 1e3 / lines.size(), (attributed - decoded) / 1e3 / lines.size(),
                    (passed - attributed) / 1e3 / result.lines(), processUsed / 1e9, processUsed / 1e3 / (2.0 * lines.size()),
                    (passed - start) / 1e9, gcMillis() - gcStart, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                    records.size(), bytes);
        }
    }
}

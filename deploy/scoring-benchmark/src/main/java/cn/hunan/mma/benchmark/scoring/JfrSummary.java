package cn.hunan.mma.benchmark.scoring;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a profiled contender's CPU samples fall (jdk.ExecutionSample of every thread, plus jdk.NativeMethodSample
 * inside RocksDB — JFR samples native code apart from Java code, at a different rate): each sample goes to the category
 * of the frame nearest the top of its stack that belongs to one — parsing, RocksDB, serdes, record caches, Kafka
 * clients, Kafka Streams' own processing — and the busiest threads and leaf methods are listed.
 */
final class JfrSummary {

    /** Category → class-name prefixes (or names), checked frame by frame from the top of the stack. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("RocksDB (JNI and its Java side)", List.of("org.rocksdb."));
        CATEGORIES.put("parsing: contract JSON decode (Jackson, ContractCodec)", List.of("com.fasterxml.jackson.", "cn.hunan.mma.events.codec."));
        CATEGORIES.put("serdes: the scorer's binary values", List.of("cn.hunan.mma.scoring.streams.BinaryValues", "cn.hunan.mma.scoring.streams.Contribution",
                "cn.hunan.mma.scoring.streams.ScopeDeltaSerde",
                "cn.hunan.mma.scoring.streams.MonthTotalsSerde", "org.apache.kafka.common.serialization."));
        CATEGORIES.put("attribution (scopes and measures)", List.of("cn.hunan.mma.scoring.streams.Attribution", "cn.hunan.mma.scoring.streams.MatrixView",
                "cn.hunan.mma.scoring.domain."));
        CATEGORIES.put("the scorer's processors (ledger, pending sums, totals, emitter)", List.of("cn.hunan.mma.scoring."));
        CATEGORIES.put("the benchmark's own code (ledger rule, totals table)", List.of("cn.hunan.mma.benchmark.scoring."));
        CATEGORIES.put("reading the event file (gzip, lines)", List.of("java.util.zip.", "cn.hunan.mma.simulator.io."));
        CATEGORIES.put("state store layers and record caches", List.of("org.apache.kafka.streams.state."));
        CATEGORIES.put("Kafka clients: producer, consumer, compression, network", List.of("org.apache.kafka.clients.", "org.apache.kafka.common.",
                "org.xerial.snappy.", "com.github.luben."));
        CATEGORIES.put("Kafka Streams processing (queues, tasks, commits)", List.of("org.apache.kafka.streams."));
    }

    private JfrSummary() {
    }

    static void print(String what, Path recording) throws IOException {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<String, Long> byThread = new TreeMap<>();
        Map<String, Long> byLeaf = new TreeMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (event.getStackTrace() == null || !(type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String category = category(frames);
            // Native samples include threads parked in epoll or futex: only RocksDB's native work is CPU we want.
            if (type.equals("jdk.NativeMethodSample") && !category.startsWith("RocksDB")) {
                continue;
            }
            total++;
            byCategory.merge(category, 1L, Long::sum);
            byThread.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1L, Long::sum);
            if (!frames.isEmpty()) {
                RecordedFrame top = frames.get(0);
                byLeaf.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            }
        }
        System.out.println();
        System.out.printf("== where %s's CPU goes: %,d samples (JFR, %s) ==%n", what, total, recording);
        print(byCategory, total, 20);
        System.out.println("-- by thread --");
        print(byThread, total, 8);
        System.out.println("-- hottest leaf methods --");
        print(byLeaf, total, 15);
    }

    private static void print(Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("%6.1f %%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
    }

    static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
                for (String prefix : category.getValue()) {
                    if (type.startsWith(prefix)) {
                        return category.getKey();
                    }
                }
            }
        }
        return "other (JDK, GC helpers, logging)";
    }

    /** Thread names without their numbers and ids: "…-StreamThread-1" → "StreamThread". */
    private static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        for (String known : List.of("StreamThread", "producer-network-thread", "GlobalStreamThread", "kafka-coordinator-heartbeat-thread",
                "consumer", "admin")) {
            if (name.contains(known)) {
                return known;
            }
        }
        return name.replaceAll("[0-9a-f-]{8,}", "").replaceAll("\\d+", "#");
    }
}

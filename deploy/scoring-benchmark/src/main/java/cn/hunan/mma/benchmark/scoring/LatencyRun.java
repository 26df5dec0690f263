package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.benchmark.support.LatencySummary;
import cn.hunan.mma.benchmark.support.OpenLoopSchedule;
import cn.hunan.mma.benchmark.support.WorstPerSecond;
import cn.hunan.mma.scoring.streams.MonthTotals;
import cn.hunan.mma.scoring.streams.MonthTotalsSerde;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.output.KafkaSettings;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Event-to-totals latency at an offered rate, open loop: line i of the event file is due at start + i / rate
 * whatever the contender does ({@link OpenLoopSchedule}), and is sent then (producer linger 0). A probe reads the
 * contender's totals output (read committed): the first output record whose lineage names an event id is the first
 * output reflecting that event; its latency is the probe's receive time minus the event's due time. Lineage names
 * the first few events of each 200 ms batch per scope, so the sampled events are those that waited longest in their
 * batch: the figures lean high, not low. Events sent in the warm-up are not sampled.
 */
final class LatencyRun {

    static final int PRIMER_LINES = 200;

    record Result(long measuredSent, long sampled, LatencySummary latency) {
    }

    private LatencyRun() {
    }

    static Result run(String bootstrap, Path events, String outputTopic, double rate, double warmupSeconds, double measuredSeconds)
            throws Exception {
        Map<String, Long> dueById = new ConcurrentHashMap<>();
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        // The worst latency per second of due time: a p99 far above the p50 is a stall or a backlog, and when it
        // happened (start-up, steadily, once) says which.
        WorstPerSecond worstBySecond = new WorstPerSecond();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lastSample = new AtomicLong();
        AtomicLong outputRecords = new AtomicLong();
        AtomicLong lastOutput = new AtomicLong();
        Thread probe = new Thread(() -> probe(bootstrap, outputTopic, dueById, micros, worstBySecond, running, lastSample,
                outputRecords, lastOutput),
                "latency-probe");
        probe.start();
        Map<String, Object> config = KafkaSettings.producer(bootstrap, "scoring-benchmark-latency");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long measuredSent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
             EventFileReader reader = new EventFileReader(events)) {
            prime(producer, reader, outputRecords);
            measuredSent = openLoop(producer, reader, rate, warmupSeconds, measuredSeconds, dueById);
        }
        // The last batches: until no output record for 5 s (three commit intervals and more), at most 60 s — on a busy
        // machine the contender may still be working through what was sent.
        long sent = System.nanoTime();
        long deadline = sent + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - Math.max(sent, lastOutput.get()) < TimeUnit.SECONDS.toNanos(5) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        running.set(false);
        probe.join();
        printWorstBySecond(worstBySecond);
        synchronized (micros) {
            return new Result(measuredSent, micros.getTotalCount(), LatencySummary.ofMicros(micros));
        }
    }

    /**
     * Ready means a record made it through: the first {@value #PRIMER_LINES} lines are sent and the run waits for the
     * contender's first output (a Flink job reports RUNNING well before its tasks read, on a busy machine).
     */
    private static void prime(KafkaProducer<byte[], byte[]> producer, EventFileReader reader, AtomicLong outputRecords) throws Exception {
        for (int i = 0; i < PRIMER_LINES; i++) {
            EventLine line = reader.next();
            producer.send(new ProducerRecord<>(line.topic(), line.key().getBytes(StandardCharsets.UTF_8), line.value()));
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (outputRecords.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no output within 3 minutes of the first records");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static long openLoop(KafkaProducer<byte[], byte[]> producer, EventFileReader reader, double rate, double warmupSeconds,
                                 double measuredSeconds, Map<String, Long> dueById) {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500), rate, warmupSeconds, measuredSeconds);
        long measuredSent = 0;
        for (long i = 0; i < schedule.totalRequests(); i++) {
            EventLine line = reader.next();
            if (line == null) {
                throw new IllegalStateException("the event file has only " + i + " lines; the latency run needs " + schedule.totalRequests());
            }
            long due = schedule.dueNanos(i);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (schedule.measured(i)) {
                String eventId = eventId(line.value());
                if (eventId != null) {
                    dueById.putIfAbsent(eventId, due);
                }
                measuredSent++;
            }
            producer.send(new ProducerRecord<>(line.topic(), line.key().getBytes(StandardCharsets.UTF_8), line.value()));
        }
        return measuredSent;
    }

    private static void printWorstBySecond(WorstPerSecond worstBySecond) {
        String line = worstBySecond.line("[benchmark] worst latency (ms) per second of the measured window");
        if (!line.isEmpty()) {
            System.out.println(line);
        }
    }

    private static void probe(String bootstrap, String topic, Map<String, Long> dueById, Histogram micros,
                              WorstPerSecond worstBySecond, AtomicBoolean running,
                              AtomicLong lastSample, AtomicLong outputRecords, AtomicLong lastOutput) {
        var deserializer = new MonthTotalsSerde().deserializer();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && running.get()) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.nanoTime();
                    outputRecords.incrementAndGet();
                    lastOutput.set(received);
                    MonthTotals totals = deserializer.deserialize(topic, record.value());
                    List<String> lineage = new ArrayList<>(totals.firstEventIds());
                    lineage.addAll(totals.lastEventIds());
                    for (String eventId : lineage) {
                        Long due = dueById.get(eventId);
                        if (due != null && seen.add(eventId)) {
                            long latencyMicros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(received - due));
                            synchronized (micros) {
                                micros.recordValue(latencyMicros);
                            }
                            worstBySecond.record(due, latencyMicros);
                            lastSample.set(received);
                        }
                    }
                }
            }
        }
    }

    /** The contract's {@code eventId}, found without decoding (a malformed line may have none). */
    static String eventId(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        String marker = "\"eventId\":\"";
        int start = text.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int end = text.indexOf('"', start + marker.length());
        return end < 0 ? null : text.substring(start + marker.length(), end);
    }
}

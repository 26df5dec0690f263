package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.streams.MonthTotals;
import cn.hunan.mma.scoring.streams.MonthTotalsSerde;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Contender (c) in its own JVM: {@link FlinkScoringJob} on a local mini-cluster. Bounded (throughput): timed from the
 * source's first record to the job's end, CPU of this JVM over the same span; then the final totals are read back
 * from the job's output topic (the last value of each key). Unbounded (latency): {@code @READY} once the job runs,
 * cancelled on {@code stop}.
 */
final class FlinkContender {

    private FlinkContender() {
    }

    static void throughput(String bootstrap, String outputTopic, String matrix, int parallelism, Path checkpoints, Path totalsOut)
            throws Exception {
        var env = FlinkScoringJob.build(bootstrap, "flink-" + outputTopic, outputTopic, matrix, true, parallelism, checkpoints);
        env.execute("scoring-benchmark");
        long end = System.nanoTime();
        long cpu = Cpu.processNanos() - FlinkScoringJob.FIRST_RECORD_CPU_NANOS.get();
        double wall = (end - FlinkScoringJob.FIRST_RECORD_NANOS.get()) / 1e9;
        Protocol.send("RESULT wall=" + wall + " cpu=" + cpu / 1e9);
        TotalsFile.write(totalsOut, readBack(bootstrap, outputTopic));
        Protocol.send("DONE");
    }

    static void latency(String bootstrap, String outputTopic, String matrix, int parallelism, Path checkpoints) throws Exception {
        var env = FlinkScoringJob.build(bootstrap, "flink-" + outputTopic, outputTopic, matrix, false, parallelism, checkpoints);
        JobClient job = env.executeAsync("scoring-benchmark-latency");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Flink job did not start: " + job.getJobStatus().get());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Protocol.send("READY");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = stdin.readLine(); line != null && !line.equals("stop"); line = stdin.readLine()) {
            // waiting for the parent
        }
        job.cancel().get(30, TimeUnit.SECONDS);
        Protocol.send("DONE");
    }

    /** The job's output topic from the start to its current end: the last value of each key is its final totals. */
    static Map<String, Map<String, Long>> readBack(String bootstrap, String topic) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        var deserializer = new MonthTotalsSerde().deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    MonthTotals value = deserializer.deserialize(topic, record.value());
                    Map<String, Long> values = new TreeMap<>(value.values());
                    values.values().removeIf(amount -> amount == 0L);
                    totals.put(record.key(), values);
                }
            }
        }
        totals.values().removeIf(Map::isEmpty);
        return totals;
    }
}

package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.streams.ScoringTopology;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer: the scorer's pipeline as a Flink job — Kafka source (the seven input topics) → decode and attribute
 * (the scorer's own code, {@link DecodeAndAttribute}) → keyed by event id: the ledger ({@link LedgerFunction}) →
 * keyed by scope × month: the totals ({@link TotalsFunction}, emitting changed totals every 200 ms as the scorer's
 * ledger forwards them) → Kafka sink. State on the heap, checkpointed every second (exactly-once state); the sink is
 * at-least-once: the job runs on the scorer's kafka-clients 4.1.1, and the transactional sink (which reflects into
 * the producer's internals, written for kafka-clients 3) was not tried with it.
 */
public final class FlinkScoringJob {

    /** When the source handed over its first record, for timing from the first record as the scorer's run is timed. */
    static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
    static final AtomicLong FIRST_RECORD_CPU_NANOS = new AtomicLong();

    static final TypeInformation<Tuple3<String, byte[], byte[]>> RAW = Types.TUPLE(Types.STRING,
            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    /** Ledger message: event id, arrival (true) or superseded (false), replaceable, contribution bytes. */
    static final TypeInformation<Tuple4<String, Boolean, Boolean, byte[]>> LEDGER = Types.TUPLE(Types.STRING, Types.BOOLEAN,
            Types.BOOLEAN, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    /** Scope delta: "SCOPE|month", measure positions, signed amounts, event id. */
    static final TypeInformation<Tuple4<String, int[], long[], String>> DELTA = Types.TUPLE(Types.STRING,
            PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO, Types.STRING);
    static final TypeInformation<Tuple2<String, byte[]>> OUT = Types.TUPLE(Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private FlinkScoringJob() {
    }

    /**
     * @param bounded read to the topics' current ends and finish (throughput), or run until cancelled (latency)
     */
    public static StreamExecutionEnvironment build(String bootstrap, String groupId, String outputTopic, String matrixDirectory,
                                                   boolean bounded, int parallelism, Path checkpoints) {
        Configuration configuration = new Configuration();
        // A failing job should fail the run, not restart for ever (the default once checkpointing is on).
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        env.enableCheckpointing(1000);
        // On files: the ledger's heap state outgrows the 5 MiB the job manager's memory storage accepts within seconds.
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getConfig().disableGenericTypes(); // every type above is explicit: a Kryo fallback would be a mistake

        List<String> inputs = ScoringTopology.INPUTS.stream().map(cn.hunan.mma.events.topic.Topic::name).toList();
        var source = KafkaSource.<Tuple3<String, byte[], byte[]>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(inputs)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RawRecords())
                .setProperty("max.poll.records", "5000");
        if (bounded) {
            source.setBounded(OffsetsInitializer.latest());
        }
        DataStream<Tuple3<String, byte[], byte[]>> raw = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "inputs");
        DataStream<Tuple2<String, byte[]>> totals = raw
                .flatMap(new DecodeAndAttribute(matrixDirectory)).returns(LEDGER).name("decode+attribute")
                .keyBy(message -> message.f0, Types.STRING)
                .process(new LedgerFunction()).returns(DELTA).name("ledger")
                .keyBy(delta -> delta.f0, Types.STRING)
                .process(new TotalsFunction()).returns(OUT).name("totals");
        totals.sinkTo(KafkaSink.<Tuple2<String, byte[]>>builder()
                .setBootstrapServers(bootstrap)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer((KafkaRecordSerializationSchema<Tuple2<String, byte[]>>) (element, context, timestamp) ->
                        new ProducerRecord<>(outputTopic, element.f0.getBytes(StandardCharsets.UTF_8), element.f1))
                .setProperty("linger.ms", "5")
                .build()).name("totals-sink");
        return env;
    }

    /** Topic, key and value bytes as they are: decoding is the next operator's work, as it is the scorer's. */
    private static final class RawRecords implements KafkaRecordDeserializationSchema<Tuple3<String, byte[], byte[]>> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tuple3<String, byte[], byte[]>> out) {
            if (FIRST_RECORD_NANOS.get() == 0 && FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime())) {
                FIRST_RECORD_CPU_NANOS.set(Cpu.processNanos());
            }
            out.collect(Tuple3.of(record.topic(), record.key(), record.value()));
        }

        @Override
        public TypeInformation<Tuple3<String, byte[], byte[]>> getProducedType() {
            return RAW;
        }
    }
}

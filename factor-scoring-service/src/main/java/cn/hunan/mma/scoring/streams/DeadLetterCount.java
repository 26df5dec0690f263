package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.platform.messaging.ContractRecordRejections;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts each record on its way to its topic's dead-letter topic in the platform's
 * {@code mma_contract_rejections_total{topic, reason}} (root README), through platform-common's
 * {@link ContractRecordRejections#count}, as the other services' consumers count: topic = the input topic, reason = the reason the
 * dead-letter record carries ({@link DeadLetterHeaders#REASON}, written by {@link DecodeProcessor} or
 * {@link MatrixGate}), {@code UNREADABLE} for a record without one. Counted in the one branch every dead letter
 * takes, so a new way of refusing a record is counted without more code.
 *
 * <p>Runs on the stream threads (Micrometer counters are thread-safe). The counter lives outside Kafka's
 * transaction: a task aborted under exactly-once and processed again, or a record reprocessed after a crash,
 * counts its dead letter again. That is an operational signal's acceptable error (an occasional double count),
 * not a figure to reconcile with the dead-letter topic, which holds each record once.
 */
final class DeadLetterCount implements FixedKeyProcessor<byte[], byte[], byte[]> {

    private final MeterRegistry meters;
    private FixedKeyProcessorContext<byte[], byte[]> context;

    DeadLetterCount(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> deadLetter) {
        String topic = context.recordMetadata().orElseThrow().topic();
        ContractRecordRejections.count(meters, topic, DeadLetterHeaders.readFrom(deadLetter.headers())
                .map(DeadLetterHeaders::reason).orElse(null));
        context.forward(deadLetter);
    }
}

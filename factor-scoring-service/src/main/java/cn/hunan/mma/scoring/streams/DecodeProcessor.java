package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.codec.NationalIdMask;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.List;
import java.util.Objects;


/**
 * Decodes raw bytes strictly, as the contract's consumers do: the key must parse as the topic's
 * key type and the value with {@link ContractCodec}. A rejection keeps the original bytes (identity card numbers masked,
 * {@link NationalIdMask}) and gets
 * {@link DeadLetterHeaders} so it can go to the topic's dead-letter topic; the stream moves on.
 *
 * <p>The key must also be the one the topic's contract derives from the record (its institution, or
 * its referral). The ledger relies on it: it runs on the task that reads the record, so a duplicate
 * or a correction reaches the ledger that holds the original only because both carry the same key
 * and so sit in the same partition of every input topic. A record keyed otherwise is refused rather
 * than counted where its duplicates cannot be seen.
 */
final class DecodeProcessor implements Processor<byte[], byte[], byte[], Decoding> {

    private final ContractCodec codec;
    private final List<Topic<?, ?>> inputs;
    private ProcessorContext<byte[], Decoding> context;

    DecodeProcessor(ContractCodec codec, List<Topic<?, ?>> inputs) {
        this.codec = codec;
        this.inputs = inputs;
    }

    @Override
    public void init(ProcessorContext<byte[], Decoding> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> raw) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        int input = inputIndex(source.topic());
        DecodeResult<?> result = decode(inputs.get(input), raw);
        if (result instanceof DecodeResult.Decoded<?> decoded) {
            context.forward(raw.withValue(new Decoding(decoded.record(), raw.value(), input)));
            return;
        }
        DecodeResult.Rejected<?> rejected = (DecodeResult.Rejected<?>) result;
        new DeadLetterHeaders(rejected.reason(), rejected.path(), rejected.message(),
                source.topic(), source.partition(), source.offset()).writeTo(raw.headers());
        // What the dead-letter topic keeps: never an identity card number in clear (kept as sent before 2026-11-25 (4)).
        context.forward(raw.withValue(new Decoding(null, NationalIdMask.forDeadLetter(raw.value(), rejected.reason()), input)));
    }

    private int inputIndex(String topic) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(topic)) {
                return i;
            }
        }
        throw new IllegalStateException("not an input topic of the scorer: " + topic);
    }

    private <K, V extends ContractRecord> DecodeResult<?> decode(Topic<K, V> topic, Record<byte[], byte[]> raw) {
        if (raw.key() == null) {
            return new DecodeResult.Rejected<>(Reason.MALFORMED_ID, "key", "the key is absent");
        }
        K key;
        try {
            key = topic.keySerde().deserializer().deserialize(topic.name(), raw.key());
        } catch (RejectedRecordException e) {
            return new DecodeResult.Rejected<>(e.reason(), "key", e.detail());
        }
        DecodeResult<V> result = codec.decode(raw.value(), topic.valueType());
        if (result instanceof DecodeResult.Decoded<V> decoded) {
            K expected = topic.keyOf(decoded.record());
            if (!Objects.equals(key, expected)) {
                return new DecodeResult.Rejected<>(Reason.INVALID_VALUE, "key", "the key " + topic.keyText(key)
                        + " is not the record's own key " + topic.keyText(expected) + ": records are partitioned by it");
            }
        }
        return result;
    }
}

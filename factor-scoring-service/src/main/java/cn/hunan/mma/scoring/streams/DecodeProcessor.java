package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.envelope.DeadLetterHeaders;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Reason;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;


/**
 * Decodes raw bytes strictly, as the contract's consumers do: the key must parse as the topic's
 * key type and the value with {@link ContractCodec}. A rejection keeps the original bytes and gets
 * {@link DeadLetterHeaders} so it can go to the topic's dead-letter topic; the stream moves on.
 */
final class DecodeProcessor implements Processor<byte[], byte[], byte[], Decoding> {

    private final ContractCodec codec;
    private ProcessorContext<byte[], Decoding> context;

    DecodeProcessor(ContractCodec codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<byte[], Decoding> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> raw) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Topic<?, ?> topic = Topics.byName(source.topic()).orElseThrow();
        DecodeResult<?> result = decode(topic, raw);
        if (result instanceof DecodeResult.Decoded<?> decoded) {
            context.forward(raw.withValue(new Decoding(decoded.record(), raw.value())));
            return;
        }
        DecodeResult.Rejected<?> rejected = (DecodeResult.Rejected<?>) result;
        new DeadLetterHeaders(rejected.reason(), rejected.path(), rejected.message(),
                source.topic(), source.partition(), source.offset()).writeTo(raw.headers());
        context.forward(raw.withValue(new Decoding(null, raw.value())));
    }

    private DecodeResult<?> decode(Topic<?, ?> topic, Record<byte[], byte[]> raw) {
        if (raw.key() == null) {
            return new DecodeResult.Rejected<>(Reason.MALFORMED_ID, "key", "the key is absent");
        }
        try {
            topic.keySerde().deserializer().deserialize(topic.name(), raw.key());
        } catch (RejectedRecordException e) {
            return new DecodeResult.Rejected<>(e.reason(), "key", e.detail());
        }
        return codec.decode(raw.value(), topic.valueType());
    }
}

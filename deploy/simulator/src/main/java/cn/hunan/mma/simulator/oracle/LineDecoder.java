package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.codec.DecodeResult;
import cn.hunan.mma.events.codec.RejectedRecordException;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.Reason;
import cn.hunan.mma.simulator.io.EventLine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one line of an event file as a consumer of its topic would: the key must parse as the
 * topic's key type and the value must decode, strictly, as one of the topic's value types;
 * anything else is what that consumer would dead-letter, with the codec's reason.
 */
final class LineDecoder {

    /** The topics whose records make the figures; the matrix comes from the matrix directory. */
    private static final Set<Topic<?, ?>> AGGREGATED = Set.of(
            Topics.OUTPATIENT_VISITS, Topics.INPATIENT, Topics.REFERRALS, Topics.CAPACITY,
            Topics.PREVENTION, Topics.CONDUCT, Topics.SUPPORT);

    /** What became of a line. */
    enum Fate { ACCEPTED, DEAD_LETTERED, UNKNOWN_TOPIC, NOT_AGGREGATED }

    /** The line's fate, with the record when accepted and the reason when dead-lettered. */
    record Decoded(Fate fate, ContractRecord record, Reason reason) {
    }

    private final ContractCodec codec;

    LineDecoder(ContractCodec codec) {
        this.codec = codec;
    }

    Decoded decode(EventLine line) {
        Optional<Topic<?, ?>> found = Topics.byName(line.topic());
        if (found.isEmpty()) {
            return new Decoded(Fate.UNKNOWN_TOPIC, null, null);
        }
        Topic<?, ?> topic = found.get();
        if (!AGGREGATED.contains(topic)) {
            return new Decoded(Fate.NOT_AGGREGATED, null, null);
        }
        try {
            topic.keySerde().deserializer().deserialize(topic.name(), line.key().getBytes(StandardCharsets.UTF_8));
        } catch (RejectedRecordException e) {
            return new Decoded(Fate.DEAD_LETTERED, null, e.reason());
        }
        DecodeResult<? extends ContractRecord> result = codec.decode(line.value(), topic.valueType());
        if (result instanceof DecodeResult.Rejected<? extends ContractRecord> rejected) {
            return new Decoded(Fate.DEAD_LETTERED, null, rejected.reason());
        }
        return new Decoded(Fate.ACCEPTED, result.orElseThrow(), null);
    }
}

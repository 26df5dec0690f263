package cn.hunan.mma.scoring.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link ScopeDelta} on the totals repartition topic, in {@link BinaryValues}. */
final class ScopeDeltaSerde implements Serde<ScopeDelta> {

    private static final byte FORMAT = 2;

    @Override
    public Serializer<ScopeDelta> serializer() {
        return (topic, delta) -> delta == null ? null : BinaryValues.write(FORMAT, out -> {
            out.writeUTF(delta.scope());
            out.writeUTF(delta.month());
            BinaryValues.writeTexts(out, delta.eventIds());
            out.writeLong(delta.occurredAtMillis());
            BinaryValues.writeAmounts(out, delta.values());
        });
    }

    @Override
    public Deserializer<ScopeDelta> deserializer() {
        return (topic, bytes) -> bytes == null ? null : BinaryValues.read(bytes, FORMAT, in -> {
            String scope = in.readUTF();
            String month = in.readUTF();
            var eventIds = BinaryValues.readTexts(in);
            long occurredAt = in.readLong();
            return new ScopeDelta(scope, month, BinaryValues.readAmounts(in), eventIds, occurredAt);
        });
    }
}

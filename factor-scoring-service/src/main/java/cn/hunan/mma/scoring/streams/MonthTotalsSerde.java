package cn.hunan.mma.scoring.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link MonthTotals} in the totals store and its changelog, in {@link BinaryValues}. */
public final class MonthTotalsSerde implements Serde<MonthTotals> {

    private static final byte FORMAT = 1;

    @Override
    public Serializer<MonthTotals> serializer() {
        return (topic, totals) -> totals == null ? null : BinaryValues.write(FORMAT, out -> {
            BinaryValues.writeAmounts(out, totals.values());
            BinaryValues.writeTexts(out, totals.firstEventIds());
            BinaryValues.writeTexts(out, totals.lastEventIds());
        });
    }

    @Override
    public Deserializer<MonthTotals> deserializer() {
        return (topic, bytes) -> bytes == null ? null : BinaryValues.read(bytes, FORMAT,
                in -> new MonthTotals(BinaryValues.readAmounts(in), BinaryValues.readTexts(in), BinaryValues.readTexts(in)));
    }
}

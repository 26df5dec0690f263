package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.streams.ScorerParts;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The ledger keyed by event id ({@link LedgerRule} over keyed state), emitting each counted scope's signed amounts. */
final class LedgerFunction extends KeyedProcessFunction<String, Tuple4<String, Boolean, Boolean, byte[]>, Tuple4<String, int[], long[], String>> {

    private transient ValueState<byte[]> entry;

    @Override
    public void open(OpenContext context) {
        entry = getRuntimeContext().getState(new ValueStateDescriptor<>("ledger-entry", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(Tuple4<String, Boolean, Boolean, byte[]> message, Context context,
                               Collector<Tuple4<String, int[], long[], String>> out) {
        LedgerRule.Entries ledger = new LedgerRule.Entries() {
            @Override
            public byte[] get(String eventId) {
                try {
                    return entry.value();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void put(String eventId, byte[] value) {
                try {
                    entry.update(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        LedgerRule.Counter counter = (contribution, sign) -> ScorerParts.forEachScope(contribution, sign,
                (key, measures, amounts, s, eventId) -> out.collect(Tuple4.of(key, measures, signed(amounts, s), eventId)));
        if (message.f1) {
            LedgerRule.arrive(ledger, message.f0, message.f2, message.f3, counter);
        } else {
            LedgerRule.supersede(ledger, message.f0, counter);
        }
    }

    private static long[] signed(long[] amounts, int sign) {
        if (sign == 1) {
            return amounts;
        }
        long[] negated = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            negated[i] = -amounts[i];
        }
        return negated;
    }
}

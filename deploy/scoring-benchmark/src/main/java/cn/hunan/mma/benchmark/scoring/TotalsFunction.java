package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.MeasureDefinition;
import cn.hunan.mma.scoring.streams.MonthTotals;
import cn.hunan.mma.scoring.streams.MonthTotalsSerde;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Running totals per scope × month. A changed key is emitted on the next 200 ms boundary (the scorer's ledger
 * forwards its sums every 200 ms too), and once more at the end of a bounded input (an event-time timer that only
 * the final watermark reaches). The value is the scorer's own {@link MonthTotals} in its {@link MonthTotalsSerde}
 * form, with the first few event ids of the batch as lineage (what the latency probe reads).
 */
final class TotalsFunction extends KeyedProcessFunction<String, Tuple4<String, int[], long[], String>, Tuple2<String, byte[]>> {

    static final long EMIT_INTERVAL_MILLIS = 200;
    private static final int LINEAGE = 5;

    private transient ValueState<long[]> totals;
    private transient ValueState<String[]> batch;
    private transient List<String> measureIds;
    private transient Serializer<MonthTotals> serializer;

    @Override
    public void open(OpenContext context) {
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        batch = getRuntimeContext().getState(new ValueStateDescriptor<>("batch", Types.OBJECT_ARRAY(Types.STRING)));
        measureIds = RuleSetJson.seed().measures().stream().map(MeasureDefinition::id).toList();
        serializer = new MonthTotalsSerde().serializer();
    }

    @Override
    public void processElement(Tuple4<String, int[], long[], String> delta, Context context, Collector<Tuple2<String, byte[]>> out)
            throws IOException {
        long[] dense = totals.value();
        if (dense == null) {
            dense = new long[measureIds.size()];
        }
        for (int i = 0; i < delta.f1.length; i++) {
            dense[delta.f1[i]] += delta.f2[i];
        }
        totals.update(dense);
        String[] ids = batch.value();
        if (ids == null) {
            // The key's first change since it was last emitted: due on the next boundary.
            long now = context.timerService().currentProcessingTime();
            context.timerService().registerProcessingTimeTimer((now / EMIT_INTERVAL_MILLIS + 1) * EMIT_INTERVAL_MILLIS);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            batch.update(new String[]{delta.f3});
        } else if (ids.length < LINEAGE) {
            String[] more = Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = delta.f3;
            batch.update(more);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Tuple2<String, byte[]>> out) throws IOException {
        String[] ids = batch.value();
        if (ids == null) {
            return;
        }
        batch.clear();
        List<String> lineage = new ArrayList<>(Arrays.asList(ids));
        MonthTotals value = new MonthTotals(TotalsTable.canonical(totals.value(), measureIds), lineage, List.of());
        out.collect(Tuple2.of(context.getCurrentKey(), serializer.serialize(null, value)));
    }
}

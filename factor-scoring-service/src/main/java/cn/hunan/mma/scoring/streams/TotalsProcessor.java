package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds deltas to the running totals of their scope and month (the store is partitioned by scope,
 * so every month of a scope lives on one instance). Half years and years are sums of months,
 * computed when read. Whether a month still takes changes was decided upstream, where the
 * {@link LedgerProcessor} closes months by the watermark of every input partition: a totals task
 * sees only the deltas the ledgers forward, and a clock of its own would run ahead of them.
 */
final class TotalsProcessor implements Processor<String, ScopeDelta, String, ScopeDelta> {

    private ProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<String, MonthTotals> totals;

    @Override
    public void init(ProcessorContext<String, ScopeDelta> context) {
        this.context = context;
        this.totals = context.getStateStore(ScoringTopology.TOTALS_STORE);
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        ScopeDelta delta = record.value();
        String key = TotalsKeys.of(delta.scope(), delta.month());
        MonthTotals current = totals.get(key);
        totals.put(key, (current == null ? MonthTotals.EMPTY : current).plus(delta));
        context.forward(record);
    }
}

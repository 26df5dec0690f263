package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Adds deltas to the running totals of their scope and month (the store is partitioned by scope,
 * so every month of a scope lives on one instance). Half years and years are sums of months,
 * computed when read. A month closes when this task's stream time — the latest
 * {@code occurredAt} it has seen — passes the month's end plus the grace; deltas for a closed
 * month (late events, and corrections of events in it) are dropped and logged.
 */
final class TotalsProcessor implements Processor<String, ScopeDelta, String, ScopeDelta> {

    private static final Logger LOG = Logger.getLogger(TotalsProcessor.class);
    private static final String STREAM_TIME = "stream-time";

    private final Duration grace;
    private ProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<String, MonthTotals> totals;
    private KeyValueStore<String, Long> streamTime;
    /** The store's value, kept at hand: it is read for every delta and changes far less often. */
    private long now = Long.MIN_VALUE;

    TotalsProcessor(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, ScopeDelta> context) {
        this.context = context;
        this.totals = context.getStateStore(ScoringTopology.TOTALS_STORE);
        this.streamTime = context.getStateStore(ScoringTopology.STREAM_TIME_STORE);
        Long restored = streamTime.get(STREAM_TIME);
        now = restored == null ? Long.MIN_VALUE : restored;
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        ScopeDelta delta = record.value();
        if (delta.occurredAtMillis() > now) {
            now = delta.occurredAtMillis();
            streamTime.put(STREAM_TIME, now);
        }
        Instant closesAt = Period.parse(delta.month()).end().plus(grace);
        if (!Instant.ofEpochMilli(now).isBefore(closesAt)) {
            LOG.warnf("dropped a change of %s %s by events %s…: the month closed at %s", delta.scope(), delta.month(), delta.eventIds(), closesAt);
            return;
        }
        String key = TotalsKeys.of(delta.scope(), delta.month());
        MonthTotals current = totals.get(key);
        totals.put(key, (current == null ? MonthTotals.EMPTY : current).plus(delta));
        context.forward(record);
    }
}

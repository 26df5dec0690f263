package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.value.Period;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns an accepted record into ledger messages keyed by event id: the record's arrival with its
 * {@link Contribution} (attributed here, on the task that decoded it, so nothing downstream decodes
 * the record again), and — for a correction — word to the id it names (a record naming itself
 * names nothing). The ledger runs on the same task, so the messages are handed over in memory.
 *
 * <p>Each message names the input topic it came from and how far that topic's partition has got
 * in event time: one task reads the same partition of all seven input topics, a replay can consume
 * them at different speeds, and the ledger closes a month by the slowest of them
 * ({@link UpstreamWatermark}).
 */
final class AttributionProcessor implements Processor<byte[], Decoding, String, LedgerMessage> {

    private static final byte[] NOTHING = new byte[0];

    private final Attribution attribution;
    private final AtomicLong matrixChanges;
    private ProcessorContext<String, LedgerMessage> context;
    private MatrixView matrix;
    /** Per input topic (its index in {@link ScoringTopology#INPUTS}), the latest occurredAt this task has read from it. */
    private final long[] progress = new long[ScoringTopology.INPUTS.size()];

    AttributionProcessor(Attribution attribution, AtomicLong matrixChanges) {
        this.attribution = attribution;
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<String, LedgerMessage> context) {
        this.context = context;
        this.matrix = MatrixView.of(context, matrixChanges);
        Arrays.fill(progress, Long.MIN_VALUE);
    }

    @Override
    public void process(Record<byte[], Decoding> decoded) {
        ContractRecord record = decoded.value().record();
        String eventId = record.eventId().value();
        Contribution contribution = attribution.contribution(record, matrix);
        long occurredAt = record.occurredAt().toEpochMilli();
        int source = decoded.value().input();
        progress[source] = Math.max(progress[source], occurredAt);
        int month = contribution == null
                ? Contribution.monthNumber(Period.containing(record.occurredAt(), Period.Kind.MONTH).toString())
                : Contribution.monthNumber(contribution.month());
        LedgerMessage arrival = new LedgerMessage.Arrival(!(record instanceof ReferralEvent), occurredAt, month,
                contribution == null ? NOTHING : contribution.toBytes(), source, progress[source]);
        context.forward(new Record<>(eventId, arrival, decoded.timestamp()));
        if (record instanceof HospitalReport report && report.replaces() != null) {
            context.forward(new Record<String, LedgerMessage>(report.replaces().value(),
                    new LedgerMessage.Superseded(occurredAt, source, progress[source]), decoded.timestamp()));
        }
    }
}

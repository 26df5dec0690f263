package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.value.Period;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns an accepted record into ledger messages keyed by event id: the record's arrival with its
 * {@link Contribution} (attributed here, on the task that decoded it, so nothing downstream decodes
 * the record again), and — for a correction — word to the id it names (a record naming itself
 * names nothing).
 */
final class AttributionProcessor implements Processor<byte[], Decoding, String, LedgerMessage> {

    private static final byte[] NOTHING = new byte[0];

    private final Attribution attribution;
    private final AtomicLong matrixChanges;
    private ProcessorContext<String, LedgerMessage> context;
    private MatrixView matrix;
    /** This task's input partition and the latest occurredAt it has seen: the ledger's watermark is built from them. */
    private int source;
    private long progress = Long.MIN_VALUE;

    AttributionProcessor(Attribution attribution, AtomicLong matrixChanges) {
        this.attribution = attribution;
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<String, LedgerMessage> context) {
        this.context = context;
        this.matrix = new MatrixView(context.getStateStore(ScoringTopology.INSTITUTIONS_STORE),
                context.getStateStore(ScoringTopology.ALLIANCES_STORE), matrixChanges);
        this.source = context.taskId().partition();
    }

    @Override
    public void process(Record<byte[], Decoding> decoded) {
        ContractRecord record = decoded.value().record();
        String eventId = record.eventId().value();
        Contribution contribution = attribution.contribution(record, matrix);
        long occurredAt = record.occurredAt().toEpochMilli();
        progress = Math.max(progress, occurredAt);
        int month = contribution == null
                ? Contribution.monthNumber(Period.containing(record.occurredAt(), Period.Kind.MONTH).toString())
                : Contribution.monthNumber(contribution.month());
        LedgerMessage arrival = new LedgerMessage.Arrival(!(record instanceof ReferralEvent), occurredAt, month,
                contribution == null ? NOTHING : contribution.toBytes(), source, progress);
        context.forward(new Record<>(eventId, arrival, decoded.timestamp()));
        if (record instanceof HospitalReport report && report.correctsEventId() != null
                && !report.correctsEventId().equals(record.eventId())) {
            context.forward(new Record<String, LedgerMessage>(report.correctsEventId().value(),
                    new LedgerMessage.Superseded(occurredAt, source, progress), decoded.timestamp()));
        }
    }
}

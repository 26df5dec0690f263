package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.referral.ReferralEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event ledger, keyed by event id (the oracle's rule): a record counts if and only if it is the
 * first arrival of its id and no accepted record names it in {@code correctsEventId}. Whatever the
 * order — correction before or after its original, chains, cycles — the totals end the same:
 * a counted record that is named later is taken back out (its stored bytes are attributed again
 * with a negative sign); a record named before it arrives never counts. Referral events cannot be
 * replaced. The store is RocksDB with a changelog, so exactly-once processing keeps it and the
 * emitted deltas in step across crashes.
 */
final class LedgerProcessor implements Processor<String, LedgerMessage, String, ScopeDelta> {

    /** Counted; the bytes follow so the record can be taken back out. */
    private static final byte COUNTED = 'C';
    /** Counted referral event: never replaceable, so no bytes are kept. */
    private static final byte COUNTED_FOR_GOOD = 'R';
    /** Arrived but replaced (before or after it counted). */
    private static final byte SUPERSEDED = 'S';
    /** Named by a correction before it arrived: it will not count when it comes. */
    private static final byte NAMED_BEFORE_ARRIVAL = 'P';

    private final ContractCodec codec;
    private final Attribution attribution;
    private ProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<String, byte[]> ledger;
    private MatrixView matrix;

    private final AtomicLong matrixChanges;

    LedgerProcessor(ContractCodec codec, Attribution attribution, AtomicLong matrixChanges) {
        this.codec = codec;
        this.attribution = attribution;
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<String, ScopeDelta> context) {
        this.context = context;
        this.ledger = context.getStateStore(ScoringTopology.LEDGER_STORE);
        this.matrix = new MatrixView(context.getStateStore(ScoringTopology.INSTITUTIONS_STORE),
                context.getStateStore(ScoringTopology.ALLIANCES_STORE), matrixChanges);
    }

    @Override
    public void process(Record<String, LedgerMessage> message) {
        String eventId = message.key();
        byte[] entry = ledger.get(eventId);
        if (message.value() instanceof LedgerMessage.Arrival arrival) {
            arrive(eventId, arrival, entry, message);
        } else {
            supersede(eventId, entry, message);
        }
    }

    private void arrive(String eventId, LedgerMessage.Arrival arrival, byte[] entry, Record<String, LedgerMessage> message) {
        ContractRecord record = arrival.record();
        boolean replaceable = !(record instanceof ReferralEvent);
        if (entry == null || (entry[0] == NAMED_BEFORE_ARRIVAL && !replaceable)) {
            emit(record, +1, message);
            ledger.put(eventId, replaceable ? withState(COUNTED, arrival.bytes()) : new byte[]{COUNTED_FOR_GOOD});
        } else if (entry[0] == NAMED_BEFORE_ARRIVAL) {
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
        // Any other entry: a duplicate of an id already seen, ignored whatever it carries.
    }

    private void supersede(String eventId, byte[] entry, Record<String, LedgerMessage> message) {
        if (entry == null) {
            ledger.put(eventId, new byte[]{NAMED_BEFORE_ARRIVAL});
        } else if (entry[0] == COUNTED) {
            ContractRecord counted = codec.decode(Arrays.copyOfRange(entry, 1, entry.length)).orElseThrow();
            emit(counted, -1, message);
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
    }

    private void emit(ContractRecord record, int sign, Record<String, LedgerMessage> message) {
        for (ScopeDelta delta : attribution.deltas(record, sign, matrix)) {
            context.forward(new Record<>(delta.scope(), delta, message.timestamp()));
        }
    }

    private static byte[] withState(byte state, byte[] record) {
        byte[] entry = new byte[record.length + 1];
        entry[0] = state;
        System.arraycopy(record, 0, entry, 1, record.length);
        return entry;
    }
}

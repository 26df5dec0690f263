package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The event ledger, keyed by event id (the oracle's rule): a record counts if and only if it is the
 * first arrival of its id and no accepted record names it in {@code correctsEventId}. Whatever the
 * order — correction before or after its original, chains, cycles — the totals end the same:
 * a counted record that is named later is taken back out (its stored {@link Contribution} is
 * applied again with a negative sign); a record named before it arrives never counts. Referral
 * events cannot be replaced. Counted changes are summed per scope and month in
 * {@link PendingDeltas} and forwarded every {@link #FORWARD_INTERVAL}. The stores are logged, so
 * exactly-once processing keeps the ledger, the pending sums and the forwarded changes in step
 * across crashes.
 */
final class LedgerProcessor implements Processor<String, LedgerMessage, String, ScopeDelta> {

    /** How often pending sums go on to the totals: bounds the added latency, far below the commit interval's. */
    static final Duration FORWARD_INTERVAL = Duration.ofMillis(200);

    /** Counted; the contribution follows so the record can be taken back out. */
    private static final byte COUNTED = 'C';
    /** Counted referral event: never replaceable, so nothing is kept. */
    private static final byte COUNTED_FOR_GOOD = 'R';
    /** Arrived but replaced (before or after it counted). */
    private static final byte SUPERSEDED = 'S';
    /** Named by a correction before it arrived: it will not count when it comes. */
    private static final byte NAMED_BEFORE_ARRIVAL = 'P';

    private final List<String> measureIds;
    private ProcessorContext<String, ScopeDelta> context;
    private KeyValueStore<String, byte[]> ledger;
    private PendingDeltas pending;

    /** @param measureIds the counting measures' ids, by the positions {@link Contribution}s use */
    LedgerProcessor(List<String> measureIds) {
        this.measureIds = measureIds;
    }

    @Override
    public void init(ProcessorContext<String, ScopeDelta> context) {
        this.context = context;
        this.ledger = context.getStateStore(ScoringTopology.LEDGER_STORE);
        this.pending = new PendingDeltas(context.getStateStore(ScoringTopology.PENDING_STORE), measureIds);
        context.schedule(FORWARD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forwardPending);
    }

    @Override
    public void process(Record<String, LedgerMessage> message) {
        String eventId = message.key();
        byte[] entry = ledger.get(eventId);
        if (message.value() instanceof LedgerMessage.Arrival arrival) {
            arrive(eventId, arrival, entry);
        } else {
            supersede(eventId, entry);
        }
    }

    private void arrive(String eventId, LedgerMessage.Arrival arrival, byte[] entry) {
        if (entry == null || (entry[0] == NAMED_BEFORE_ARRIVAL && !arrival.replaceable())) {
            count(arrival.contribution(), +1);
            ledger.put(eventId, arrival.replaceable() ? withState(COUNTED, arrival.contribution()) : new byte[]{COUNTED_FOR_GOOD});
        } else if (entry[0] == NAMED_BEFORE_ARRIVAL) {
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
        // Any other entry: a duplicate of an id already seen, ignored whatever it carries.
    }

    private void supersede(String eventId, byte[] entry) {
        if (entry == null) {
            ledger.put(eventId, new byte[]{NAMED_BEFORE_ARRIVAL});
        } else if (entry[0] == COUNTED) {
            count(Arrays.copyOfRange(entry, 1, entry.length), -1);
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
    }

    private void count(byte[] contribution, int sign) {
        if (contribution.length > 0) {
            pending.add(Contribution.fromBytes(contribution), sign);
        }
    }

    private void forwardPending(long now) {
        pending.forwardAll(delta -> context.forward(new Record<>(delta.scope(), delta, now)));
    }

    private static byte[] withState(byte state, byte[] contribution) {
        byte[] entry = new byte[contribution.length + 1];
        entry[0] = state;
        System.arraycopy(contribution, 0, entry, 1, contribution.length);
        return entry;
    }
}

package cn.hunan.mma.benchmark.scoring;

import java.util.Arrays;

/**
 * The scorer's ledger rule (its {@code LedgerProcessor}), for the contenders that are not Kafka Streams: a record
 * counts if and only if it is the first arrival of its id and no accepted record names it in {@code correctsEventId}.
 * The entries are the same bytes the scorer's ledger store holds (a state byte, then the contribution). A copy of
 * those few lines because the scorer's processor is bound to its Kafka Streams stores (README: what the service could
 * open up); the totals check between contenders is what proves the copy counts the same.
 */
public final class LedgerRule {

    private static final byte COUNTED = 'C';
    private static final byte COUNTED_FOR_GOOD = 'R';
    private static final byte SUPERSEDED = 'S';
    private static final byte NAMED_BEFORE_ARRIVAL = 'P';

    /** The ledger's storage: a map by id, or Flink's keyed value state (the id is then the current key). */
    public interface Entries {
        byte[] get(String eventId);

        void put(String eventId, byte[] entry);
    }

    /** Receives what counts: a contribution with +1, or one taken back out with −1. */
    @FunctionalInterface
    public interface Counter {
        void count(byte[] contribution, int sign);
    }

    private LedgerRule() {
    }

    public static void arrive(Entries ledger, String eventId, boolean replaceable, byte[] contribution, Counter counter) {
        byte[] entry = ledger.get(eventId);
        if (entry == null || (entry[0] == NAMED_BEFORE_ARRIVAL && !replaceable)) {
            counter.count(contribution, +1);
            ledger.put(eventId, replaceable ? withState(COUNTED, contribution) : new byte[]{COUNTED_FOR_GOOD});
        } else if (entry[0] == NAMED_BEFORE_ARRIVAL) {
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
        // Any other entry: a duplicate of an id already seen, ignored whatever it carries.
    }

    public static void supersede(Entries ledger, String eventId, Counter counter) {
        byte[] entry = ledger.get(eventId);
        if (entry == null) {
            ledger.put(eventId, new byte[]{NAMED_BEFORE_ARRIVAL});
        } else if (entry[0] == COUNTED) {
            counter.count(Arrays.copyOfRange(entry, 1, entry.length), -1);
            ledger.put(eventId, new byte[]{SUPERSEDED});
        }
    }

    private static byte[] withState(byte state, byte[] contribution) {
        byte[] entry = new byte[contribution.length + 1];
        entry[0] = state;
        System.arraycopy(contribution, 0, entry, 1, contribution.length);
        return entry;
    }
}

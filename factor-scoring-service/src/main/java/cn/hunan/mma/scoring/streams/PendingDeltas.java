package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The changes a ledger task has counted but not yet forwarded, summed per scope and month: a month
 * of a busy scope changes with nearly every event, and one forwarded change per scope and month
 * every {@link LedgerProcessor#FORWARD_INTERVAL} replaces one record per event and scope on the
 * totals repartition topic (and one read-modify-write of the month's totals each).
 *
 * <p>The sums are written through to a logged store at every change, so a commit — whenever Kafka
 * Streams takes it — holds the ledger and the not-yet-forwarded sums together: a crash after it
 * neither loses nor repeats a change. The map is the store's content kept decoded, for speed.
 */
final class PendingDeltas {

    private static final byte FORMAT = 1;

    private final KeyValueStore<String, byte[]> store;
    private final List<String> measureIds;
    private final Map<String, Pending> byKey = new HashMap<>();

    /** @param measureIds the counting measures' ids, by the positions {@link Contribution}s use */
    PendingDeltas(KeyValueStore<String, byte[]> store, List<String> measureIds) {
        this.store = store;
        this.measureIds = measureIds;
        try (KeyValueIterator<String, byte[]> restored = store.all()) {
            while (restored.hasNext()) {
                KeyValue<String, byte[]> entry = restored.next();
                if (entry.value != null) {
                    byKey.put(entry.key, Pending.fromBytes(entry.key, entry.value, measureIds.size()));
                }
            }
        }
    }

    /** @param sign +1 to count, −1 to take back out */
    void add(Contribution contribution, int sign) {
        for (Contribution.ScopeAmounts scope : contribution.scopes()) {
            String key = TotalsKeys.of(scope.scope(), contribution.month());
            Pending pending = byKey.computeIfAbsent(key, k -> new Pending(scope.scope(), contribution.month(), measureIds.size()));
            pending.add(scope, sign, contribution.eventId(), contribution.occurredAtMillis());
            store.put(key, pending.toBytes());
        }
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /**
     * Hands every pending change on — earlier months first, so a month is not closed by a later
     * month's change forwarded in the same batch — and forgets them.
     */
    void forwardAll(Consumer<ScopeDelta> forward) {
        List<Pending> ordered = new ArrayList<>(byKey.values());
        ordered.sort(Comparator.comparing((Pending pending) -> pending.month).thenComparing(pending -> pending.scope));
        for (Pending pending : ordered) {
            forward.accept(pending.toDelta(measureIds));
            store.delete(TotalsKeys.of(pending.scope, pending.month));
        }
        byKey.clear();
    }

    /** One scope and month's pending sums: dense by measure position. */
    private static final class Pending {
        private final String scope;
        private final String month;
        private final long[] amounts;
        private final List<String> eventIds = new ArrayList<>(MonthTotals.SAMPLE);
        private long latestOccurredAt = Long.MIN_VALUE;
        /** The format byte and the sample ids as written: they stop changing after the first few events. */
        private byte[] encodedIds;

        Pending(String scope, String month, int measures) {
            this.scope = scope;
            this.month = month;
            this.amounts = new long[measures];
        }

        void add(Contribution.ScopeAmounts scope, int sign, String eventId, long occurredAt) {
            int[] measures = scope.measures();
            long[] values = scope.amounts();
            for (int i = 0; i < measures.length; i++) {
                amounts[measures[i]] += sign * values[i];
            }
            if (eventIds.size() < MonthTotals.SAMPLE) {
                eventIds.add(eventId);
                encodedIds = null;
            }
            latestOccurredAt = Math.max(latestOccurredAt, occurredAt);
        }

        ScopeDelta toDelta(List<String> measureIds) {
            Map<String, Long> values = new TreeMap<>();
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] != 0) {
                    values.put(measureIds.get(i), amounts[i]);
                }
            }
            return new ScopeDelta(scope, month, values, List.copyOf(eventIds), latestOccurredAt);
        }

        /** Written at every change (see the class comment), so laid out by hand: format, latest, ids, then amounts. */
        byte[] toBytes() {
            int nonZero = 0;
            for (long amount : amounts) {
                nonZero += amount == 0 ? 0 : 1;
            }
            if (encodedIds == null) {
                encodedIds = BinaryValues.write(FORMAT, out -> BinaryValues.writeTexts(out, eventIds));
            }
            ByteBuffer buffer = ByteBuffer.allocate(encodedIds.length + Long.BYTES + Short.BYTES + nonZero * (Short.BYTES + Long.BYTES));
            buffer.put(encodedIds).putLong(latestOccurredAt).putShort((short) nonZero);
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] != 0) {
                    buffer.putShort((short) i).putLong(amounts[i]);
                }
            }
            return buffer.array();
        }

        static Pending fromBytes(String key, byte[] bytes, int measures) {
            int split = key.lastIndexOf(TotalsKeys.SEPARATOR);
            Pending pending = new Pending(key.substring(0, split), key.substring(split + 1), measures);
            return BinaryValues.read(bytes, FORMAT, in -> {
                pending.eventIds.addAll(BinaryValues.readTexts(in));
                pending.latestOccurredAt = in.readLong();
                int size = in.readUnsignedShort();
                for (int i = 0; i < size; i++) {
                    pending.amounts[in.readUnsignedShort()] = in.readLong();
                }
                return pending;
            });
        }
    }
}

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.value.EventId;

import java.util.Arrays;

/**
 * Decides which accepted records count, by event id, in delivery order:
 * <ul>
 *   <li>the first arrival of an id counts; later arrivals of the same id are ignored;</li>
 *   <li>a hospital report stops counting once any accepted record names it in
 *       {@code correctsEventId}, whether that correction arrived before or after it — so in a
 *       chain only the newest correction counts, and a correction that arrives first still wins;</li>
 *   <li>referral events carry no correction and cannot be replaced.</li>
 * </ul>
 * Each record's line number is kept so that a record which was counted and then replaced can be
 * read again and taken out of the totals (the retraction pass). Memory: about 35 bytes per
 * distinct id, no objects.
 */
final class DeliveryLedger {

    /** What to do with an accepted record. */
    enum Admission { COUNT, SKIP_DUPLICATE, SKIP_SUPERSEDED }

    private static final byte ARRIVED = 1;
    private static final byte COUNTING = 2;
    private static final byte SUPERSEDED = 4;
    private static final byte REPLACEABLE = 8;

    private final DeliveryStats stats;
    private final LongKeyIndex ids = new LongKeyIndex(BinaryKeys.EVENT_ID_LONGS);
    private final long[] key = new long[BinaryKeys.EVENT_ID_LONGS];
    private byte[] flags = new byte[1024];
    private int[] lines = new int[1024];
    private int[] valueHashes = new int[1024];
    private final LongList linesToRetract = new LongList();
    private int lastIndex = -1;

    DeliveryLedger(DeliveryStats stats) {
        this.stats = stats;
    }

    /**
     * Registers an accepted record read from the given line.
     *
     * @param valueHash a hash of the raw value, to tell identical duplicates from conflicting ones
     */
    Admission admit(ContractRecord record, long line, int valueHash) {
        int index = indexOf(record.eventId());
        lastIndex = index;
        if (has(index, ARRIVED)) {
            stats.duplicate(valueHashes[index] != valueHash);
            return Admission.SKIP_DUPLICATE;
        }
        flags[index] |= ARRIVED;
        lines[index] = lineNumber(line);
        valueHashes[index] = valueHash;
        if (!(record instanceof HospitalReport report)) {
            flags[index] |= COUNTING;
            return Admission.COUNT;
        }
        flags[index] |= REPLACEABLE;
        EventId corrected = report.correctsEventId();
        if (corrected != null && corrected.equals(report.eventId())) {
            stats.selfCorrection();
        } else if (corrected != null) {
            stats.correction();
            supersede(indexOf(corrected));
        }
        if (has(index, SUPERSEDED)) {
            stats.noteSupersededBeforeArrival();
            return Admission.SKIP_SUPERSEDED;
        }
        flags[index] |= COUNTING;
        return Admission.COUNT;
    }

    /** The dense index of the record last passed to {@link #admit}, for facts kept until the end. */
    int lastIndex() {
        return lastIndex;
    }

    /** Whether the record with this index counts (so far: a later correction may still replace it). */
    boolean counts(int index) {
        return has(index, COUNTING);
    }

    /** Lines of records that were counted and later replaced, ascending: they must be taken out again. */
    long[] linesToRetract() {
        return linesToRetract.toSortedArray();
    }

    /** Closes the books: how many corrections named a record that never arrived. */
    void finish() {
        long neverDelivered = 0;
        for (int index = 0; index < ids.size(); index++) {
            if (has(index, SUPERSEDED) && !has(index, ARRIVED)) {
                neverDelivered++;
            }
        }
        stats.correctedButNeverDelivered(neverDelivered);
    }

    private void supersede(int index) {
        if (has(index, SUPERSEDED)) {
            stats.namedAgain();
            return;
        }
        flags[index] |= SUPERSEDED;
        if (has(index, COUNTING) && has(index, REPLACEABLE)) {
            flags[index] &= ~COUNTING;
            linesToRetract.add(lines[index]);
            stats.noteSupersededAfterCounting();
        }
    }

    private int indexOf(EventId id) {
        int index = ids.add(BinaryKeys.of(id, key));
        if (index >= flags.length) {
            int capacity = Math.max(index + 1, flags.length * 2);
            flags = Arrays.copyOf(flags, capacity);
            lines = Arrays.copyOf(lines, capacity);
            valueHashes = Arrays.copyOf(valueHashes, capacity);
        }
        return index;
    }

    private boolean has(int index, byte flag) {
        return (flags[index] & flag) != 0;
    }

    private static int lineNumber(long line) {
        if (line > Integer.MAX_VALUE) {
            throw new IllegalStateException("event files of more than " + Integer.MAX_VALUE + " lines are not supported");
        }
        return (int) line;
    }
}

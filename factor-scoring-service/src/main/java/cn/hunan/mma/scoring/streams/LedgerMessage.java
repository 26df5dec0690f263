package cn.hunan.mma.scoring.streams;

/**
 * What the event ledger (keyed by event id) receives: a record arriving under its own id, or the
 * news that an accepted record names this id in {@code correctsEventId}. Both carry when their record
 * happened, which input partition's task sent them and how far that task had got ({@link UpstreamWatermark}:
 * the ledger closes months by the slowest task's progress).
 */
sealed interface LedgerMessage {

    long occurredAtMillis();

    /** The sending task's input partition. */
    int source();

    /** The latest {@code occurredAt} the sending task had seen. */
    long sourceProgress();

    /**
     * @param replaceable  false for referral events, which no correction replaces
     * @param month        the month the record happened in ({@link Contribution#monthNumber}), where the ledger files its entry
     * @param contribution {@link Contribution#toBytes()}, empty when the record counts nowhere
     */
    record Arrival(boolean replaceable, long occurredAtMillis, int month, byte[] contribution, int source, long sourceProgress)
            implements LedgerMessage {
    }

    /** @param occurredAtMillis when the correcting record happened */
    record Superseded(long occurredAtMillis, int source, long sourceProgress) implements LedgerMessage {
    }
}

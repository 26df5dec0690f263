package cn.hunan.mma.scoring.streams;

/**
 * What the event ledger (keyed by event id) receives from the attribution on the same task: a record
 * arriving under its own id, or the news that an accepted record names this id in {@code correctsEventId}.
 * Both carry when their record happened, which input topic it came from and how far the task had got in
 * that topic ({@link UpstreamWatermark}: the ledger closes months by the slowest input's progress).
 */
sealed interface LedgerMessage {

    long occurredAtMillis();

    /** The input topic the record came from, by its index in {@link ScoringTopology#INPUTS}. */
    int source();

    /** The latest {@code occurredAt} the task had read from that input topic. */
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

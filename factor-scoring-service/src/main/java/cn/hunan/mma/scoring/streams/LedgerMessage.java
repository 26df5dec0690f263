package cn.hunan.mma.scoring.streams;

/**
 * What the event ledger (keyed by event id) receives: a record arriving under its own id, or the
 * news that an accepted record names this id in {@code correctsEventId}. Both carry when their record
 * happened: it moves the ledger's clock, which retires the entries of closed months.
 */
sealed interface LedgerMessage {

    long occurredAtMillis();

    /**
     * @param replaceable  false for referral events, which no correction replaces
     * @param month        the month the record happened in ({@link Contribution#monthNumber}), where the ledger files its entry
     * @param contribution {@link Contribution#toBytes()}, empty when the record counts nowhere
     */
    record Arrival(boolean replaceable, long occurredAtMillis, int month, byte[] contribution) implements LedgerMessage {
    }

    /** @param occurredAtMillis when the correcting record happened */
    record Superseded(long occurredAtMillis) implements LedgerMessage {
    }
}

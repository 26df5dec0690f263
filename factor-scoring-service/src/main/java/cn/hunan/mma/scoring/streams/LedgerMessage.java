package cn.hunan.mma.scoring.streams;

/**
 * What the event ledger (keyed by event id) receives: a record arriving under its own id, or the
 * news that an accepted record names this id in {@code correctsEventId}.
 */
sealed interface LedgerMessage {

    /**
     * @param replaceable  false for referral events, which no correction replaces
     * @param contribution {@link Contribution#toBytes()}, empty when the record counts nowhere
     */
    record Arrival(boolean replaceable, byte[] contribution) implements LedgerMessage {
    }

    record Superseded(String byEventId) implements LedgerMessage {
    }
}

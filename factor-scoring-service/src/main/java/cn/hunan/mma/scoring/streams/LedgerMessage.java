package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;

/**
 * What the event ledger (keyed by event id) receives: a record arriving under its own id, or the
 * news that an accepted record names this id in {@code correctsEventId}.
 */
sealed interface LedgerMessage {

    /** @param bytes the record as it arrived: the codec accepted them, so they decode to {@code record} again */
    record Arrival(ContractRecord record, byte[] bytes) implements LedgerMessage {
    }

    record Superseded(String byEventId) implements LedgerMessage {
    }
}

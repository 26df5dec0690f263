package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.contract.ContractRecord;

/**
 * What the event ledger (keyed by event id) receives: a record arriving under its own id, or the
 * news that an accepted record names this id in {@code correctsEventId}.
 */
sealed interface LedgerMessage {

    record Arrival(ContractRecord record) implements LedgerMessage {
    }

    record Superseded(String byEventId) implements LedgerMessage {
    }
}

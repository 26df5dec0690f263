package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;

/**
 * Ledger entries read back from {@code ledger_entry}: every query that does selects {@code transaction_id, account,
 * side, amount_fen, memo, posted_at} first, in that order.
 */
final class LedgerRows {

    /** The columns a query reading entries starts with. */
    static final String COLUMNS = "transaction_id, account, side, amount_fen, memo, posted_at";

    private LedgerRows() {
    }

    static LedgerEntry entry(Row row) {
        return new LedgerEntry(row.getString(0), row.getString(1), LedgerEntry.Side.valueOf(row.getString(2)),
                Money.ofFen(row.getLong(3)), row.getString(4));
    }

    static Instant postedAt(Row row) {
        return row.getOffsetDateTime(5).toInstant();
    }
}

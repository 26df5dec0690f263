package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import cn.hunan.mma.settlement.persistence.LedgerEntryEntity;

import java.time.Instant;

/** A ledger line; the amount in yuan as text with two decimals. */
public record LedgerLineView(String transactionId, String account, String side, String amount, String memo,
                             Instant postedAt) {

    static LedgerLineView of(LedgerEntryEntity entry) {
        return new LedgerLineView(entry.transactionId(), entry.account(), entry.side(),
                Money.ofFen(entry.amountFen()).toYuanString(), entry.memo(), entry.postedAt());
    }

    static LedgerLineView of(LedgerEntry entry, Instant postedAt) {
        return new LedgerLineView(entry.transactionId(), entry.account(), entry.side().name(), entry.amount().toYuanString(),
                entry.memo(), postedAt);
    }
}

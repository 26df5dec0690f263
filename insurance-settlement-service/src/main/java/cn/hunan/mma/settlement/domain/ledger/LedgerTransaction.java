package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.events.value.Money;

import java.util.ArrayList;
import java.util.List;

/** Entries that move money together; debits equal credits, or it is refused. */
public record LedgerTransaction(String transactionId, String memo, List<LedgerEntry> entries) {

    public LedgerTransaction {
        entries = List.copyOf(entries);
        if (entries.stream().mapToLong(LedgerEntry::signedFen).sum() != 0) {
            throw new IllegalArgumentException("transaction " + transactionId + " does not balance");
        }
    }

    /** A transaction debiting one account and crediting several (zero amounts are left out). */
    public static LedgerTransaction fanOut(String transactionId, String memo, String debited, List<Credit> credits) {
        List<LedgerEntry> entries = new ArrayList<>();
        Money total = credits.stream().map(Credit::amount).reduce(Money.ZERO, Money::plus);
        if (!total.isZero()) {
            entries.add(new LedgerEntry(transactionId, debited, LedgerEntry.Side.DEBIT, total, memo));
        }
        for (Credit credit : credits) {
            if (!credit.amount().isZero()) {
                entries.add(new LedgerEntry(transactionId, credit.account(), LedgerEntry.Side.CREDIT, credit.amount(), memo));
            }
        }
        return new LedgerTransaction(transactionId, memo, entries);
    }

    public record Credit(String account, Money amount) {
    }
}

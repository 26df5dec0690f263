package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.ledger.LedgerEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stored ledger line; rows are only ever inserted (a reopen posts reversing transactions). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "transaction_id", nullable = false)
    String transactionId;

    @Column(name = "alliance_id", nullable = false)
    String allianceId;

    @Column(name = "period", nullable = false)
    String period;

    @Column(name = "account", nullable = false)
    String account;

    @Column(name = "side", nullable = false)
    String side;

    @Column(name = "amount_fen", nullable = false)
    long amountFen;

    @Column(name = "memo", nullable = false)
    String memo;

    @Column(name = "posted_at", nullable = false)
    Instant postedAt;

    protected LedgerEntryEntity() {
    }

    public static LedgerEntryEntity of(LedgerEntry entry, String allianceId, String period, Instant postedAt) {
        LedgerEntryEntity row = new LedgerEntryEntity();
        row.id = UUID.randomUUID();
        row.transactionId = entry.transactionId();
        row.allianceId = allianceId;
        row.period = period;
        row.account = entry.account();
        row.side = entry.side().name();
        row.amountFen = entry.amount().fen();
        row.memo = entry.memo();
        row.postedAt = postedAt;
        return row;
    }

    /** The entry as posted. */
    public LedgerEntry entry() {
        return new LedgerEntry(transactionId, account, LedgerEntry.Side.valueOf(side), Money.ofFen(amountFen), memo);
    }

    public String transactionId() {
        return transactionId;
    }

    public String account() {
        return account;
    }

    public String side() {
        return side;
    }

    public long amountFen() {
        return amountFen;
    }

    public String memo() {
        return memo;
    }

    public Instant postedAt() {
        return postedAt;
    }
}

package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.events.value.Money;

import java.util.Objects;

/**
 * One line of a double-entry transaction: an account debited or credited with an amount.
 *
 * @param account e.g. {@code FUND}, {@code ALLIANCE:XTX-YGT-01}, {@code MEMBER:430321T0100}
 */
public record LedgerEntry(String transactionId, String account, Side side, Money amount, String memo) {

    public enum Side { DEBIT, CREDIT }

    public LedgerEntry {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(memo, "memo");
    }

    public long signedFen() {
        return side == Side.DEBIT ? amount.fen() : -amount.fen();
    }
}

package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.settlement.domain.cases.DipClearing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The double-entry postings of a DIP year-end clearing, one transaction for the area's year: for each institution the
 * fund pays the adjustment on top of the year's provisional payments (FUND debited, the institution credited) or
 * claws it back (the institution debited, FUND credited). Each institution's adjustment is one pair of entries, so a
 * finance officer finds it beside the clearing's line; an institution whose cases keep their value posts nothing.
 */
public final class DipClearingPostings {

    public static final String INSTITUTION = "INSTITUTION:";

    private DipClearingPostings() {
    }

    /** The transaction's id in the ledger: {@code DIP:430302/2025}. */
    public static String transactionId(String area, int year) {
        return "DIP:" + area + "/" + year;
    }

    /** The clearing's transaction; empty when no institution's amount changed. */
    public static Optional<LedgerTransaction> of(DipClearing clearing) {
        String transaction = transactionId(clearing.area(), clearing.year());
        String memo = "DIP year-end clearing " + clearing.year() + " at " + clearing.pointValue().toPlainString() + " yuan a point";
        List<LedgerEntry> entries = new ArrayList<>();
        for (DipClearing.InstitutionLine line : clearing.institutions()) {
            SignedMoney adjustment = line.adjustment();
            if (adjustment.fen() == 0) {
                continue;
            }
            String institution = INSTITUTION + line.institutionId();
            boolean paid = !adjustment.isNegative();
            entries.add(new LedgerEntry(transaction, paid ? SettlementPostings.FUND : institution, LedgerEntry.Side.DEBIT,
                    adjustment.magnitude(), memo));
            entries.add(new LedgerEntry(transaction, paid ? institution : SettlementPostings.FUND, LedgerEntry.Side.CREDIT,
                    adjustment.magnitude(), memo));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new LedgerTransaction(transaction, memo, entries));
    }
}

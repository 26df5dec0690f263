package cn.hunan.mma.settlement.domain.ledger;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.distribution.PartnerAmount;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The double-entry postings of a closed period, money flowing fund → alliance → members:
 * a surplus posts the retained amount from the fund to the alliance, the reserve inside the
 * alliance, and the pool to members and tertiary partners; an overspend posts who bears what.
 */
public final class SettlementPostings {

    public static final String FUND = "FUND";
    /** A member's account for its share of the retained pool, and a partner's for its tertiary share: + institution id. */
    public static final String MEMBER = "MEMBER:";
    public static final String TERTIARY = "TERTIARY:";

    private SettlementPostings() {
    }

    public static List<LedgerTransaction> of(PeriodSettlement settlement) {
        String alliance = "ALLIANCE:" + settlement.snapshot().allianceId().value();
        String prefix = settlement.snapshot().allianceId().value() + "/" + settlement.snapshot().period() + "/";
        List<LedgerTransaction> transactions = new ArrayList<>();
        if (settlement.outcome() instanceof PeriodOutcome.Overspend overspend) {
            String clearing = "OVERSPEND:" + settlement.snapshot().allianceId().value();
            transactions.add(new LedgerTransaction(prefix + "overspend", "overspend shared by bands", List.of(
                    new LedgerEntry(prefix + "overspend", FUND, LedgerEntry.Side.DEBIT, overspend.fundBorne(), "fund-borne overspend"),
                    new LedgerEntry(prefix + "overspend", alliance, LedgerEntry.Side.DEBIT, overspend.allianceBorne(), "alliance-borne overspend"),
                    new LedgerEntry(prefix + "overspend", clearing, LedgerEntry.Side.CREDIT, overspend.overspend(), "overspend to clear"))));
            return transactions;
        }
        transactions.add(LedgerTransaction.fanOut(prefix + "retained", "retained surplus", FUND,
                List.of(new LedgerTransaction.Credit(alliance, settlement.retained()))));
        transactions.add(LedgerTransaction.fanOut(prefix + "reserve", "reserve for next year", alliance,
                List.of(new LedgerTransaction.Credit("RESERVE:" + settlement.snapshot().allianceId().value(), settlement.reserve()))));
        List<LedgerTransaction.Credit> shares = new ArrayList<>();
        for (MemberAllocation allocation : settlement.members().allocations()) {
            shares.add(new LedgerTransaction.Credit(MEMBER + allocation.institutionId().value(), allocation.amount()));
        }
        for (PartnerAmount partner : settlement.tertiary().partnerAmounts()) {
            shares.add(new LedgerTransaction.Credit(TERTIARY + partner.institutionId().value(), partner.amount()));
        }
        transactions.add(LedgerTransaction.fanOut(prefix + "distribution", "member and tertiary shares", alliance, shares));
        return transactions;
    }
}

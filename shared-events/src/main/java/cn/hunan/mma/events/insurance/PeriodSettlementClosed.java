package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;

import java.time.Instant;
import java.util.List;

/**
 * States the closed settlement of an alliance's package for a period: the outcome, who bears or
 * keeps what, and each member's share of the retained pool. Every figure is frozen in the
 * snapshot it names, so the close can be reproduced and explained.
 *
 * @param retainedSurplus        the part of the surplus the alliance keeps (by its score band)
 * @param reserve                held back from the retained surplus for next year
 * @param allianceBorneOverspend the part of an overspend the alliance bears
 * @param fundBorneOverspend     the part of an overspend the fund shares
 * @param memberShares           the distributed pool (retained surplus minus reserve), split by
 *                               member; adds up to it exactly; empty on overspend
 * @param snapshotId             the frozen inputs (scores, weights, parameters) used
 * @param revision               which close of the period this is: 1, then one more after each reopen (absent from
 *                               records published before 2026-11-25 (4)); a {@code PeriodSettlementReopened} of the
 *                               same revision withdraws it
 */
public record PeriodSettlementClosed(
        EventId eventId,
        Instant occurredAt,
        AllianceId allianceId,
        Period period,
        Money packageTotal,
        Money actualSpend,
        SettlementOutcome outcome,
        Money retainedSurplus,
        Money reserve,
        Money allianceBorneOverspend,
        Money fundBorneOverspend,
        List<MemberShare> memberShares,
        String snapshotId,
        String ruleVersion,
        @OptionalField @Bounds(min = 1) Integer revision) implements PeriodSettlementEvent {

    public PeriodSettlementClosed {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(allianceId, "allianceId");
        Checks.present(period, "period");
        Checks.present(packageTotal, "packageTotal");
        Checks.present(actualSpend, "actualSpend");
        Checks.present(outcome, "outcome");
        Checks.present(retainedSurplus, "retainedSurplus");
        Checks.present(reserve, "reserve");
        Checks.present(allianceBorneOverspend, "allianceBorneOverspend");
        Checks.present(fundBorneOverspend, "fundBorneOverspend");
        memberShares = Checks.list(memberShares, "memberShares");
        Checks.text(snapshotId, "snapshotId", 64);
        Checks.text(ruleVersion, "ruleVersion", 64);
        Checks.require(revision == null || revision >= 1, "revision", "a close's revision counts from 1");
        requireConsistentOutcome(packageTotal, actualSpend, outcome, retainedSurplus, reserve,
                allianceBorneOverspend, fundBorneOverspend, memberShares);
    }

    /** The pool distributed to members: retained surplus minus the reserve. */
    public Money distributedPool() {
        return retainedSurplus.minus(reserve);
    }

    private static void requireConsistentOutcome(Money packageTotal, Money actualSpend, SettlementOutcome outcome,
                                                 Money retained, Money reserve, Money allianceBorne,
                                                 Money fundBorne, List<MemberShare> shares) {
        boolean surplus = !actualSpend.isGreaterThan(packageTotal);
        Checks.require(surplus == (outcome == SettlementOutcome.SURPLUS), "outcome",
                "outcome must be SURPLUS when actual spend is within the package and OVERSPEND otherwise");
        if (surplus) {
            Checks.require(allianceBorne.isZero() && fundBorne.isZero(), "allianceBorneOverspend",
                    "a surplus leaves no overspend to bear");
            Checks.require(!retained.isGreaterThan(packageTotal.minus(actualSpend)), "retainedSurplus",
                    "the retained surplus cannot exceed package total minus actual spend");
            Checks.require(!reserve.isGreaterThan(retained), "reserve", "the reserve comes out of the retained surplus");
        } else {
            Checks.require(retained.isZero() && reserve.isZero(), "retainedSurplus", "an overspend leaves nothing to retain");
            Checks.require(allianceBorne.plus(fundBorne).equals(actualSpend.minus(packageTotal)), "allianceBorneOverspend",
                    "alliance-borne and fund-borne overspend must add up to actual spend minus package total");
        }
        Money distributed = Money.ZERO;
        for (MemberShare share : shares) {
            distributed = distributed.plus(share.amount());
        }
        Checks.require(distributed.equals(retained.minus(reserve)), "memberShares",
                "member shares must add up exactly to the retained surplus minus the reserve");
    }
}

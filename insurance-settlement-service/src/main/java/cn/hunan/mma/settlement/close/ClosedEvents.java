package cn.hunan.mma.settlement.close;

import cn.hunan.mma.events.insurance.MemberShare;
import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.distribution.PartnerAmount;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PeriodSettlementClosed} of a settlement. The contract's member shares must add up to
 * the whole distributed pool, which here also pays the collaborating tertiary hospitals: they are
 * listed as shares too, with their kept-in-area cases as base and 100 × f(ΔR) as score.
 */
public final class ClosedEvents {

    private ClosedEvents() {
    }

    public static PeriodSettlementClosed of(PeriodSettlement settlement, EventId eventId, Instant occurredAt,
                                            String snapshotId, int revision) {
        List<MemberShare> shares = new ArrayList<>();
        for (MemberAllocation allocation : settlement.members().allocations()) {
            shares.add(new MemberShare(allocation.institutionId(), allocation.base(),
                    allocation.score().setScale(2, RoundingMode.HALF_UP), allocation.amount()));
        }
        BigDecimal tertiaryScore = settlement.tertiary().improvement().movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        for (PartnerAmount partner : settlement.tertiary().partnerAmounts()) {
            shares.add(new MemberShare(partner.institutionId(), BigDecimal.valueOf(partner.keptInAreaCases()), tertiaryScore,
                    partner.amount()));
        }
        Money allianceBorne = Money.ZERO;
        Money fundBorne = Money.ZERO;
        if (settlement.outcome() instanceof PeriodOutcome.Overspend overspend) {
            allianceBorne = overspend.allianceBorne();
            fundBorne = overspend.fundBorne();
        }
        return new PeriodSettlementClosed(eventId, occurredAt, settlement.snapshot().allianceId(),
                settlement.snapshot().period(), settlement.snapshot().packageTotal(), settlement.snapshot().actualSpend(),
                settlement.outcome().kind(), settlement.retained(), settlement.reserve(), allianceBorne, fundBorne,
                shares, snapshotId, settlement.snapshot().ruleVersion(), revision);
    }
}

package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;
import cn.hunan.mma.settlement.rules.distribution.PoolDistributor;
import cn.hunan.mma.settlement.rules.distribution.PoolDistribution;
import cn.hunan.mma.settlement.rules.distribution.TertiaryShare;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;

/**
 * A closed period: the outcome, the reserve for next year, the tertiary share and the member
 * distribution. {@code retained = reserve + tertiary pool + member pool} to the fen.
 */
public record PeriodSettlement(SettlementSnapshot snapshot, PeriodOutcome outcome, Money retained, Money reserve,
                               Money distributedPool, TertiaryShare tertiary, PoolDistribution members) {

    /** Closes a period from its snapshot alone: the same snapshot always gives the same settlement. */
    public static PeriodSettlement close(SettlementSnapshot snapshot) {
        CloseRules rules = snapshot.rules();
        PeriodOutcome outcome = rules.outcomeRules().settle(snapshot.packageTotal(), snapshot.actualSpend(),
                snapshot.allianceScore(), snapshot.specialCircumstance());
        Money retained = outcome instanceof PeriodOutcome.Surplus surplus ? surplus.retained() : Money.ZERO;
        Money reserve = retained.times(rules.reserveShare(), Fractions.MONEY_ROUNDING);
        Money pool = retained.minus(reserve);
        TertiaryShare tertiary = TertiaryShare.compute(pool, snapshot.baselineReferralRate(),
                snapshot.currentReferralRate(), snapshot.tertiaryPartners(), rules.distributionRules());
        PoolDistribution members = PoolDistributor.distribute(
                pool.minus(tertiary.tertiaryPool()), snapshot.members(), rules.primaryFloorShare());
        return new PeriodSettlement(snapshot, outcome, retained, reserve, pool, tertiary, members);
    }
}

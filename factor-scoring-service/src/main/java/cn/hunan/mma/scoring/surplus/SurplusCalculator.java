package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.settlement.rules.close.FrozenScores;
import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import cn.hunan.mma.settlement.rules.distribution.PoolDistribution;
import cn.hunan.mma.settlement.rules.outcome.BandShare;
import cn.hunan.mma.settlement.rules.outcome.PeriodOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects an alliance's period as if it closed now: the inputs become a {@link SettlementSnapshot} and
 * {@link PeriodSettlement#close} — the settlement service's own close, from settlement-rules — computes it.
 * No formula of DOMAIN.md §7 is written here, so projection and close cannot disagree on arithmetic.
 * The projection has no tertiary partners (their kept-in-area cases and the referral-rate baseline are
 * close-time inputs the scorer does not hold), so the member pool is the retained pool less the reserve.
 */
public final class SurplusCalculator {

    private SurplusCalculator() {
    }

    /** The snapshot a close with these inputs would freeze (scores not yet published count as 0). */
    public static SettlementSnapshot snapshot(SurplusInputs inputs, SurplusSettings settings) {
        List<Claimant> claimants = new ArrayList<>();
        for (SurplusInputs.Member member : inputs.members()) {
            claimants.add(new Claimant(InstitutionId.of(member.institutionId()), member.base(),
                    member.score() == null ? BigDecimal.ZERO : member.score(), member.primaryLevel()));
        }
        return new SettlementSnapshot(inputs.allianceId(), inputs.period(), settings.rulesVersion(), inputs.budget(),
                inputs.spendToDate(), inputs.allianceScore() == null ? BigDecimal.ZERO : inputs.allianceScore(), false,
                claimants, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, settings.rules(), FrozenScores.STORED);
    }

    public static SurplusView project(SurplusInputs inputs, SurplusSettings settings) {
        PeriodSettlement settlement = PeriodSettlement.close(snapshot(inputs, settings));
        PoolDistribution distribution = settlement.members();
        Map<String, SurplusInputs.Member> byId = new HashMap<>();
        inputs.members().forEach(member -> byId.put(member.institutionId(), member));
        boolean complete = inputs.allianceScore() != null;
        List<SurplusView.MemberShare> members = new ArrayList<>();
        for (MemberAllocation allocation : distribution.allocations()) {
            SurplusInputs.Member member = byId.get(allocation.institutionId().value());
            complete &= member.score() != null;
            members.add(new SurplusView.MemberShare(member.institutionId(), member.level(), allocation.primaryLevel(),
                    allocation.base(), allocation.score(), member.score() != null, allocation.weight(),
                    allocation.floor().fen(), allocation.heldAtFloor(), allocation.amount().fen(),
                    allocation.explanation(distribution.proportionalPool(), distribution.weightSum())));
        }
        PeriodOutcome outcome = settlement.outcome();
        long surplus = 0;
        long overspend = 0;
        BigDecimal retainedShare = null;
        boolean capped = false;
        List<SurplusView.Band> bands = new ArrayList<>();
        long allianceBorne = 0;
        long fundBorne = 0;
        if (outcome instanceof PeriodOutcome.Surplus kept) {
            surplus = kept.surplus().fen();
            retainedShare = kept.retainedShare();
            capped = kept.capped();
        } else if (outcome instanceof PeriodOutcome.Overspend over) {
            overspend = over.overspend().fen();
            for (BandShare band : over.bands()) {
                bands.add(new SurplusView.Band(band.upToShareOfPackage(), band.amount().fen(), band.allianceShare(),
                        band.allianceBorne().fen(), band.fundBorne().fen()));
            }
            allianceBorne = over.allianceBorne().fen();
            fundBorne = over.fundBorne().fen();
        }
        return new SurplusView(inputs.allianceId().value(), inputs.period().toString(), settings.rulesVersion(),
                inputs.budget().fen(), inputs.budgetVersion(), inputs.spendToDate().fen(), fen(inputs.spendInArea()),
                fen(inputs.spendOutOfArea()), outcome.kind().name(), surplus, overspend,
                settlement.snapshot().allianceScore(), retainedShare, capped, settlement.retained().fen(),
                settlement.reserve().fen(), settlement.tertiary().tertiaryPool().fen(), distribution.pool().fen(),
                bands, allianceBorne, fundBorne, distribution.floorsApplied(), distribution.proportionalPool().fen(),
                distribution.weightSum(), complete, members);
    }

    private static long fen(cn.hunan.mma.events.value.Money money) {
        return money == null ? 0 : money.fen();
    }
}

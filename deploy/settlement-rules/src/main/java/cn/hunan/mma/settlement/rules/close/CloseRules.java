package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.settlement.rules.distribution.DistributionRules;
import cn.hunan.mma.settlement.rules.outcome.OutcomeRules;
import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Every rule a period close uses, as plain data so it is frozen verbatim in the snapshot.
 *
 * @param surplusCapShareOfPackage null when the area sets no cap
 */
public record CloseRules(List<ScoreTier> tiers, BigDecimal surplusCapShareOfPackage, List<OverspendBand> bands,
                         BigDecimal specialCircumstanceAllianceShare, BigDecimal reserveShare,
                         BigDecimal primaryFloorShare, BigDecimal tertiaryAlpha, BigDecimal referralRateTargetFall) {

    public CloseRules {
        tiers = List.copyOf(tiers);
        bands = List.copyOf(bands);
        // Built once here so invalid rules are refused when the snapshot is made, not at close.
        new OutcomeRules(tiers, Optional.ofNullable(surplusCapShareOfPackage), bands, specialCircumstanceAllianceShare);
        new DistributionRules(reserveShare, primaryFloorShare, tertiaryAlpha, referralRateTargetFall);
    }

    public OutcomeRules outcomeRules() {
        return new OutcomeRules(tiers, Optional.ofNullable(surplusCapShareOfPackage), bands, specialCircumstanceAllianceShare);
    }

    public DistributionRules distributionRules() {
        return new DistributionRules(reserveShare, primaryFloorShare, tertiaryAlpha, referralRateTargetFall);
    }
}

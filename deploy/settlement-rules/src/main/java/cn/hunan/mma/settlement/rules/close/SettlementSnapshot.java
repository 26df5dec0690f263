package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The inputs of a period close, frozen when the close is made: the package, the spend, the
 * scores at close time, the rules and their version. A close is a pure function of its snapshot.
 *
 * @param allianceScore        the alliance's composite score at close (picks the retention tier)
 * @param specialCircumstance  an approved special circumstance for overspend beyond the last band
 * @param members              members with base and frozen score
 * @param baselineReferralRate the covered population's out-of-area referral rate in the baseline period
 * @param currentReferralRate  the same rate in the closed period
 * @param scoreSource          where the frozen scores came from ({@link FrozenScores}); snapshots made
 *                             before scores were stored read as {@code request}
 */
public record SettlementSnapshot(AllianceId allianceId, Period period, String ruleVersion, Money packageTotal,
                                 Money actualSpend, BigDecimal allianceScore, boolean specialCircumstance,
                                 List<Claimant> members, List<TertiaryPartner> tertiaryPartners,
                                 BigDecimal baselineReferralRate, BigDecimal currentReferralRate, CloseRules rules,
                                 String scoreSource) {

    public SettlementSnapshot {
        Objects.requireNonNull(allianceId, "allianceId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        Objects.requireNonNull(packageTotal, "packageTotal");
        Objects.requireNonNull(actualSpend, "actualSpend");
        Objects.requireNonNull(allianceScore, "allianceScore");
        members = List.copyOf(members);
        tertiaryPartners = List.copyOf(tertiaryPartners);
        Objects.requireNonNull(baselineReferralRate, "baselineReferralRate");
        Objects.requireNonNull(currentReferralRate, "currentReferralRate");
        Objects.requireNonNull(rules, "rules");
        scoreSource = scoreSource == null ? FrozenScores.REQUEST : scoreSource;
    }
}

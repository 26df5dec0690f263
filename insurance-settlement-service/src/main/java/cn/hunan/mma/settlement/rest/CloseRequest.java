package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.domain.close.CloseRules;
import cn.hunan.mma.settlement.domain.close.SettlementSnapshot;
import cn.hunan.mma.settlement.domain.distribution.Claimant;
import cn.hunan.mma.settlement.domain.distribution.TertiaryPartner;
import jakarta.ws.rs.BadRequestException;

import java.math.BigDecimal;
import java.util.List;

/**
 * The inputs an insurance officer closes a period with; they are frozen verbatim into the snapshot.
 *
 * @param divisionCode the county (or city) the alliance covers: decides who may see the close
 */
public record CloseRequest(DivisionCode divisionCode, String ruleVersion, Money packageTotal, Money actualSpend,
                           BigDecimal allianceScore, boolean specialCircumstance, List<Claimant> members,
                           List<TertiaryPartner> tertiaryPartners, BigDecimal baselineReferralRate,
                           BigDecimal currentReferralRate, CloseRules rules) {

    SettlementSnapshot toSnapshot(AllianceId alliance, Period period) {
        if (divisionCode == null) {
            throw new BadRequestException("divisionCode: the division the alliance covers is required");
        }
        if (members == null || members.isEmpty()) {
            throw new BadRequestException("members: at least one member is required");
        }
        try {
            return new SettlementSnapshot(alliance, period, ruleVersion, packageTotal, actualSpend, allianceScore,
                    specialCircumstance, members, tertiaryPartners == null ? List.of() : tertiaryPartners,
                    baselineReferralRate, currentReferralRate, rules);
        } catch (NullPointerException | IllegalArgumentException e) {
            // requireNonNull names the missing field; range checks say which rule is out of range.
            throw new BadRequestException((e instanceof NullPointerException ? "missing: " : "") + e.getMessage());
        }
    }
}

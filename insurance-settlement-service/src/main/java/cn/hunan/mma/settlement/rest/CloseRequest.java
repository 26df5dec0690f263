package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.close.FrozenScores;
import cn.hunan.mma.settlement.rules.close.SettlementSnapshot;
import cn.hunan.mma.settlement.rules.distribution.Claimant;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;
import cn.hunan.mma.settlement.domain.parameters.ParameterVersion;
import jakarta.ws.rs.BadRequestException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The inputs an insurance officer closes a period with; they are frozen verbatim into the snapshot.
 *
 * @param divisionCode the county (or city) the alliance covers: decides who may see the close and whose rules apply
 * @param ruleVersion  only with {@code rules}: names a what-if rule set
 * @param packageTotal   absent for a year-end close: the alliance's approved budget for the year is frozen
 * @param actualSpend    absent: the fund-paid sum of the period's settled cases of the covered residents is frozen
 * @param baselineReferralRate absent: the covered residents' out-of-area share of settled stays in the same period a
 *                             year earlier is frozen
 * @param currentReferralRate  absent: the same share in the closed period is frozen
 * @param tertiaryPartners absent: every tertiary hospital that collaborated with the alliance in the period, each
 *                       with its kept-in-area cases worked out by the service
 * @param members        absent: every member the alliance had in the period, as the matrix states it; each member
 *                       with its base B, or without: its fund contribution in the period is frozen as its base
 * @param overrideScores true for a what-if with the request's scores although stored ones exist
 * @param rules        absent for a real close (the area's version in force at the period's start is frozen);
 *                     present for a what-if, frozen with a ruleVersion starting "what-if:"
 */
public record CloseRequest(DivisionCode divisionCode, String ruleVersion, Money packageTotal, Money actualSpend,
                           BigDecimal allianceScore, boolean specialCircumstance, List<Member> members,
                           List<Partner> tertiaryPartners, BigDecimal baselineReferralRate,
                           BigDecimal currentReferralRate, CloseRules rules,
                           boolean overrideScores) {

    static final String WHAT_IF = "what-if:";

    /**
     * The out-of-area referral rates a close freezes: the request's, or worked out from the settled stays — those with
     * the counts they came from ({@code worked}, in the order baseline, current).
     */
    record ReferralRates(BigDecimal baseline, BigDecimal current, List<RateBasis> worked) {
    }

    /** A rate worked out from the settled episodes: {@code outside} of {@code episodes} in {@code period}. */
    public record RateBasis(String rate, String period, long episodes, long outside) {
    }

    /**
     * A member as the request names it.
     *
     * @param base         absent: the member's fund contribution in the period — what the fund paid for the covered
     *                     residents' settled cases and visits there — is frozen as its base (one of the documented bases
     *                     of DOMAIN.md §7)
     * @param score        absent: the scorer's composite for the period
     * @param primaryLevel absent: whether the matrix states the institution a village or township one
     */
    public record Member(InstitutionId institutionId, BigDecimal base, BigDecimal score, Boolean primaryLevel) {
    }

    /**
     * A collaborating tertiary hospital as the request names it.
     *
     * @param keptInAreaCases absent: the covered residents' episodes of the period in which a stay at the hospital was
     *                        followed by one in a covered county (its down-referrals home), worked out by the service
     */
    public record Partner(InstitutionId institutionId, Long keptInAreaCases) {
    }

    /** The members whose base the request leaves to the service. */
    static List<String> withoutBase(List<Member> members) {
        return members.stream().filter(member -> member.base() == null).map(member -> member.institutionId().value()).toList();
    }

    static List<String> ids(List<Member> members) {
        return members.stream().map(member -> member.institutionId().value()).toList();
    }

    DivisionCode requiredDivision() {
        if (divisionCode == null) {
            throw new BadRequestException("divisionCode: the division the alliance covers is required");
        }
        return divisionCode;
    }

    /**
     * Every institution the request names, members and tertiary partners: a caller whose scope reaches one may close.
     * The members a request leaves to the matrix are the alliance's, which the caller's division covers.
     */
    Set<String> institutionIds() {
        Stream<String> named = (members == null ? List.<Member>of() : members).stream()
                .filter(member -> member != null && member.institutionId() != null).map(member -> member.institutionId().value());
        Stream<String> partners = (tertiaryPartners == null ? List.<Partner>of() : tertiaryPartners).stream()
                .map(partner -> {
                    if (partner == null || partner.institutionId() == null) {
                        throw new BadRequestException("tertiaryPartners: every partner needs an institutionId");
                    }
                    return partner.institutionId().value();
                });
        return Stream.concat(named, partners).collect(Collectors.toSet());
    }

    /**
     * @param closing      the members the close pays ({@link ClosingMembers}), each with its primary level decided
     * @param partners     the tertiary partners with their kept-in-area cases ({@link ClosingPartners})
     * @param storedScores the scorer's latest composites for the period by entity id (institutions and
     *                     the alliance), used instead of the request's unless {@code overrideScores}
     */
    SettlementSnapshot toSnapshot(AllianceId alliance, Period period, ParameterVersion inForce, List<Member> closing,
                                  List<TertiaryPartner> partners,
                                  Map<String, BigDecimal> storedScores, Money frozenPackage, Money frozenActualSpend,
                                  ReferralRates frozenRates, Map<String, BigDecimal> derivedBases) {
        requiredDivision();
        CloseRules frozenRules = rules != null ? rules : inForce.parameters().closeRules();
        String frozenVersion = rules != null ? WHAT_IF + (ruleVersion != null ? ruleVersion : inForce.versionId())
                : inForce.versionId();
        // A what-if overriding the stored scores gives every score itself.
        List<String> unscored = closing.stream().filter(member -> member.score() == null
                && (overrideScores || !storedScores.containsKey(member.institutionId().value())))
                .map(member -> member.institutionId().value()).toList();
        if (!unscored.isEmpty()) {
            throw new BadRequestException("members: " + String.join(", ", unscored) + (unscored.size() == 1 ? " needs" : " need")
                    + " a score, since " + (overrideScores ? "overrideScores uses the request's scores only"
                    : "the scorer has stated no composite for " + period + " and the request gives none"));
        }
        try {
            List<Claimant> claimants = closing.stream().map(member -> new Claimant(member.institutionId(),
                    member.base() != null ? member.base() : derivedBases.get(member.institutionId().value()),
                    member.score() != null ? member.score() : storedScores.get(member.institutionId().value()),
                    member.primaryLevel())).toList();
            FrozenScores scores = FrozenScores.of(claimants, allianceScore, storedScores,
                    storedScores.get(alliance.value()), overrideScores);
            return new SettlementSnapshot(alliance, period, frozenVersion, frozenPackage, frozenActualSpend, scores.allianceScore(),
                    specialCircumstance, scores.members(), partners,
                    frozenRates.baseline(), frozenRates.current(), frozenRules, scores.source());
        } catch (NullPointerException | IllegalArgumentException e) {
            // requireNonNull names the missing field; range checks say which rule is out of range.
            throw new BadRequestException((e instanceof NullPointerException ? "missing: " : "") + e.getMessage());
        }
    }
}

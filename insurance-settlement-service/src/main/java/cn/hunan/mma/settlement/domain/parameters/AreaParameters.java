package cn.hunan.mma.settlement.domain.parameters;

import cn.hunan.mma.settlement.domain.budget.BudgetParameters;
import cn.hunan.mma.settlement.domain.cases.CaseRules;
import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;

import java.util.List;

/**
 * One version of a pilot area's settlement rules (local rule, versioned configuration): the
 * package-total parameters, the case-payment rules (DRG or DIP, base rate, coefficients,
 * thresholds, review caps) and the close rules (tiers, bands, reserve, floors). Each part checks
 * its own ranges; this record adds the checks that span entries: tiers and bands must be listed in
 * order and must not reward a lower score or a larger overspend.
 */
public record AreaParameters(BudgetParameters budget, CaseRules caseRules, CloseRules closeRules) {

    public AreaParameters {
        if (budget == null) {
            throw new ParameterViolation("budget", "required");
        }
        if (caseRules == null) {
            throw new ParameterViolation("caseRules", "required");
        }
        if (closeRules == null) {
            throw new ParameterViolation("closeRules", "required");
        }
        checkTiers(closeRules.tiers());
        checkBands(closeRules.bands());
    }

    /** Highest minimum score first; a higher tier retains at least the share of the one below it. */
    private static void checkTiers(List<ScoreTier> tiers) {
        if (tiers.isEmpty()) {
            throw new ParameterViolation("closeRules.tiers", "at least one score tier is required");
        }
        for (int i = 1; i < tiers.size(); i++) {
            ScoreTier above = tiers.get(i - 1);
            ScoreTier below = tiers.get(i);
            if (above.minScore().compareTo(below.minScore()) <= 0) {
                throw new ParameterViolation("closeRules.tiers[" + i + "].minScore",
                        "tiers must be listed by strictly falling minimum score");
            }
            if (above.retainedShare().compareTo(below.retainedShare()) < 0) {
                throw new ParameterViolation("closeRules.tiers[" + i + "].retainedShare",
                        "a lower tier cannot retain more than the tier above it");
            }
        }
    }

    /** Lowest edge first; a wider overspend never leaves the alliance a smaller share. */
    private static void checkBands(List<OverspendBand> bands) {
        for (int i = 1; i < bands.size(); i++) {
            OverspendBand lower = bands.get(i - 1);
            OverspendBand upper = bands.get(i);
            if (lower.upToShareOfPackage().compareTo(upper.upToShareOfPackage()) >= 0) {
                throw new ParameterViolation("closeRules.bands[" + i + "].upToShareOfPackage",
                        "bands must be listed by strictly rising edge");
            }
            if (lower.allianceShare().compareTo(upper.allianceShare()) > 0) {
                throw new ParameterViolation("closeRules.bands[" + i + "].allianceShare",
                        "a larger overspend cannot leave the alliance a smaller share");
            }
        }
    }
}

package cn.hunan.mma.settlement.domain.parameters;

import cn.hunan.mma.settlement.domain.budget.BudgetParameters;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.settlement.domain.cases.CaseRules;
import cn.hunan.mma.settlement.domain.cases.DipCatalogue;
import cn.hunan.mma.settlement.domain.cases.DipGroup;
import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.outcome.OverspendBand;
import cn.hunan.mma.settlement.rules.outcome.ScoreTier;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One version of a pilot area's settlement rules (local rule, versioned configuration): the
 * package-total parameters, the case-payment rules (DRG or DIP, base rate, coefficients,
 * thresholds, review caps) and the close rules (tiers, bands, reserve, floors). Each part checks
 * its own ranges; this record adds the checks that span entries: tiers and bands must be listed in
 * order and must not reward a lower score or a larger overspend.
 *
 * <p>{@code dipCatalogue} is the area's DIP catalogue ({@link DipCatalogue}: groups with score and mean cost),
 * required where the area settles by DIP and absent otherwise. It belongs to the version because a case's price
 * depends on it: the version id stamped on a settlement names the catalogue it was priced with.
 */
public record AreaParameters(BudgetParameters budget, CaseRules caseRules, CloseRules closeRules,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DipGroup> dipCatalogue) {


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
        dipCatalogue = dipCatalogue == null ? List.of() : List.copyOf(dipCatalogue);
        checkCatalogue(caseRules.method(), dipCatalogue);
    }

    /** A DIP area cannot price a case without groups; a group listed twice would make the price depend on the order. */
    private static void checkCatalogue(PaymentMethod method, List<DipGroup> groups) {
        if (method == PaymentMethod.DIP && groups.isEmpty()) {
            throw new ParameterViolation("dipCatalogue", "an area that settles by DIP needs its catalogue of groups");
        }
        try {
            new DipCatalogue(groups);
        } catch (IllegalArgumentException e) {
            throw new ParameterViolation("dipCatalogue", e.getMessage());
        }
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

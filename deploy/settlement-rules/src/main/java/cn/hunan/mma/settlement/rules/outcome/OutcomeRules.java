package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 结余留用、合理超支分担: how much of a surplus an alliance keeps by its score, and how an overspend
 * is shared by bands (local rule; every ratio is a parameter).
 *
 * @param tiers                            score tiers; a score below every tier keeps nothing
 * @param surplusCapShareOfPackage         optional cap on the retained amount, as a share of P
 * @param bands                            overspend bands by rising edge; above the last edge the alliance bears all
 * @param specialCircumstanceAllianceShare the alliance's share above the last edge when a special circumstance is approved
 */
public record OutcomeRules(List<ScoreTier> tiers, Optional<BigDecimal> surplusCapShareOfPackage,
                           List<OverspendBand> bands, BigDecimal specialCircumstanceAllianceShare) {

    public OutcomeRules {
        tiers = tiers.stream().sorted(Comparator.comparing(ScoreTier::minScore).reversed()).toList();
        Objects.requireNonNull(surplusCapShareOfPackage, "surplusCapShareOfPackage");
        surplusCapShareOfPackage.ifPresent(cap -> Fractions.fraction(cap, "surplusCapShareOfPackage"));
        bands = bands.stream().sorted(Comparator.comparing(OverspendBand::upToShareOfPackage)).toList();
        if (bands.stream().map(OverspendBand::upToShareOfPackage).distinct().count() != bands.size()) {
            throw new IllegalArgumentException("overspend bands must have distinct edges");
        }
        Fractions.fraction(specialCircumstanceAllianceShare, "specialCircumstanceAllianceShare");
    }

    /**
     * The outcome of spending {@code actual} against {@code packageTotal} for an alliance with the
     * composite {@code score}; {@code specialCircumstance} is an approved 特殊情况 for the open band.
     */
    public PeriodOutcome settle(Money packageTotal, Money actual, BigDecimal score, boolean specialCircumstance) {
        if (!actual.isGreaterThan(packageTotal)) {
            return surplus(packageTotal, actual, score);
        }
        return overspend(packageTotal, actual, specialCircumstance);
    }

    private PeriodOutcome.Surplus surplus(Money packageTotal, Money actual, BigDecimal score) {
        Money surplus = packageTotal.minus(actual);
        BigDecimal share = tiers.stream().filter(tier -> score.compareTo(tier.minScore()) >= 0)
                .map(ScoreTier::retainedShare).findFirst().orElse(BigDecimal.ZERO);
        Money retained = surplus.times(share, Fractions.MONEY_ROUNDING);
        boolean capped = false;
        if (surplusCapShareOfPackage.isPresent()) {
            Money cap = packageTotal.times(surplusCapShareOfPackage.get(), Fractions.MONEY_ROUNDING);
            if (retained.isGreaterThan(cap)) {
                retained = cap;
                capped = true;
            }
        }
        return new PeriodOutcome.Surplus(packageTotal, actual, surplus, score, share, retained, capped);
    }

    private PeriodOutcome.Overspend overspend(Money packageTotal, Money actual, boolean specialCircumstance) {
        Money overspend = actual.minus(packageTotal);
        List<BandShare> shares = new ArrayList<>();
        Money lowerEdge = Money.ZERO;
        for (OverspendBand band : bands) {
            Money upperEdge = packageTotal.times(band.upToShareOfPackage(), Fractions.MONEY_ROUNDING);
            if (overspend.isGreaterThan(lowerEdge)) {
                Money inBand = (overspend.isGreaterThan(upperEdge) ? upperEdge : overspend).minus(lowerEdge);
                shares.add(split(band.upToShareOfPackage(), inBand, band.allianceShare()));
            }
            lowerEdge = upperEdge;
        }
        if (overspend.isGreaterThan(lowerEdge)) {
            BigDecimal share = specialCircumstance ? specialCircumstanceAllianceShare : BigDecimal.ONE;
            shares.add(split(null, overspend.minus(lowerEdge), share));
        }
        Money alliance = shares.stream().map(BandShare::allianceBorne).reduce(Money.ZERO, Money::plus);
        return new PeriodOutcome.Overspend(packageTotal, actual, overspend, shares, alliance, overspend.minus(alliance),
                specialCircumstance);
    }

    // The alliance's part is rounded; the fund takes the exact remainder, so each band adds up to the fen.
    private static BandShare split(BigDecimal edge, Money amount, BigDecimal allianceShare) {
        Money alliance = amount.times(allianceShare, Fractions.MONEY_ROUNDING);
        return new BandShare(edge, amount, allianceShare, alliance, amount.minus(alliance));
    }
}

package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles one inpatient case by DRG or DIP.
 * DRG: standard = relative weight × complexity weight × base rate × coefficient.
 * DIP: standard = score × point value × coefficient.
 * Outliers follow {@link OutlierThresholds}: the reference cost is the standard for DRG and the
 * group's mean cost for DIP. A group without a weight or score is not priced: the discharge is refused (dead-lettered with
 * the reason) rather than paid a guess.
 * The continuous deductible (起付线连续计算): a stay pays only what its level's deductible exceeds
 * the deductible already paid in the same referral episode.
 */
public final class CaseSettler {

    private final CaseRules rules;
    private final DrgWeights drgWeights;
    private final DipCatalogue dipCatalogue;

    public CaseSettler(CaseRules rules, DrgWeights drgWeights, DipCatalogue dipCatalogue) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.drgWeights = Objects.requireNonNull(drgWeights, "drgWeights");
        this.dipCatalogue = Objects.requireNonNull(dipCatalogue, "dipCatalogue");
    }

    public CaseRules rules() {
        return rules;
    }

    /** Empty when the case's DRG group has no weight or the DIP catalogue no group for it: it cannot be priced here. */
    public Optional<CaseDecision> settle(CaseFacts facts) {
        return rules.method() == PaymentMethod.DRG ? settleDrg(facts) : settleDip(facts);
    }

    private Optional<CaseDecision> settleDrg(CaseFacts facts) {
        String code = facts.drgGroup().value();
        return drgWeights.weightOf(facts.drgGroup()).map(relativeWeight -> {
            BigDecimal weight = relativeWeight.multiply(rules.complexityWeight(code));
            BigDecimal coefficient = rules.coefficientFor(facts.institutionLevel(), facts.primaryLevelDisease());
            BigDecimal yuanPerWeight = rules.drgBaseRate().toBigDecimal().multiply(coefficient);
            Money standard = money(weight.multiply(yuanPerWeight));
            return decide(facts, code, standard, standard, weight, yuanPerWeight, coefficient, rules.drgThresholds());
        });
    }

    private Optional<CaseDecision> settleDip(CaseFacts facts) {
        return dipCatalogue.groupOf(facts.principalDiagnosis(), facts.procedures()).map(group -> {
            BigDecimal coefficient = rules.coefficientFor(facts.institutionLevel(), facts.primaryLevelDisease());
            BigDecimal yuanPerPoint = rules.dipPointValue().multiply(coefficient);
            Money standard = money(group.score().multiply(yuanPerPoint));
            return decide(facts, group.code(), standard, group.meanCost(), group.score(), yuanPerPoint, coefficient,
                    rules.dipThresholds());
        });
    }

    private CaseDecision decide(CaseFacts facts, String code, Money standard, Money reference, BigDecimal weight,
                                BigDecimal yuanPerWeight, BigDecimal coefficient, OutlierThresholds thresholds) {
        BigDecimal actual = facts.actualCost().toBigDecimal();
        BigDecimal referenceYuan = reference.toBigDecimal();
        OutlierKind outlier;
        Money payment;
        BigDecimal appliedWeight = weight;
        if (actual.compareTo(standard.toBigDecimal().multiply(thresholds.lowRatio())) < 0) {
            outlier = OutlierKind.LOW_COST;
            payment = facts.actualCost();
        } else if (actual.compareTo(referenceYuan.multiply(thresholds.reviewRatio())) > 0
                && facts.reviewQuota().allowsOneMore()) {
            // Paid the standard for now; the expert panel's decision settles the rest.
            outlier = OutlierKind.EXPERT_REVIEW;
            payment = standard;
        } else if (actual.compareTo(referenceYuan.multiply(thresholds.highRatio())) > 0) {
            outlier = OutlierKind.HIGH_COST;
            BigDecimal factor = Fractions.divide(actual, referenceYuan).subtract(thresholds.highRatio()).add(BigDecimal.ONE);
            appliedWeight = weight.multiply(factor);
            payment = money(appliedWeight.multiply(yuanPerWeight));
        } else {
            outlier = OutlierKind.NONE;
            payment = standard;
        }
        Money levelDeductible = rules.deductibles().get(facts.institutionLevel());
        Money deductibleDue = levelDeductible.isGreaterThan(facts.deductiblePaidInEpisode())
                ? levelDeductible.minus(facts.deductiblePaidInEpisode()) : Money.ZERO;
        Money fundPayable = payment.isGreaterThan(deductibleDue) ? payment.minus(deductibleDue) : Money.ZERO;
        return new CaseDecision(rules.method(), code, standard, facts.actualCost(), payment, deductibleDue, fundPayable,
                outlier, appliedWeight, coefficient);
    }

    private static Money money(BigDecimal yuan) {
        return Money.ofYuan(yuan, Fractions.MONEY_ROUNDING);
    }
}

package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * An area's case-payment rules (local rule, versioned configuration).
 *
 * @param method                     DRG or DIP, chosen per area
 * @param drgBaseRate                yuan per unit of relative weight (费率)
 * @param dipPointValue              yuan per DIP point, provisional until the year's point value is known
 * @param levelCoefficients          institution coefficient (系数) by level
 * @param primaryDiseaseCoefficient  the one coefficient for primary-level diseases (基层病种), whatever the level
 * @param complexityWeights          extra weight by the DRG code's last digit (1: severe complications,
 *                                   3: complications); absent digits weigh 1
 * @param deductibles                起付线 by level; a referred patient's stays share one (see {@link CaseSettler})
 * @param drgReviewCap               share of DRG cases that may go to special-case review (~5%)
 * @param dipReviewCap               share of DIP cases that may go to special-case review (~5‰)
 */
public record CaseRules(PaymentMethod method, Money drgBaseRate, BigDecimal dipPointValue,
                        Map<Level, BigDecimal> levelCoefficients, BigDecimal primaryDiseaseCoefficient,
                        Map<Character, BigDecimal> complexityWeights, OutlierThresholds drgThresholds,
                        OutlierThresholds dipThresholds, Map<Level, Money> deductibles, BigDecimal drgReviewCap,
                        BigDecimal dipReviewCap) {

    public CaseRules {
        Objects.requireNonNull(method, "method");
        // A zero rate or weight would price every DRG case at nothing, and the high-cost ratio would divide by it. A DIP
        // area's rate and weights are never read.
        Objects.requireNonNull(drgBaseRate, "drgBaseRate");
        if (method == PaymentMethod.DRG) {
            Fractions.positive(drgBaseRate.toBigDecimal(), "drgBaseRate");
        }
        Fractions.positive(dipPointValue, "dipPointValue");
        levelCoefficients = Map.copyOf(levelCoefficients);
        for (Level level : Level.values()) {
            Fractions.positive(levelCoefficients.get(level), "levelCoefficients." + level);
        }
        Fractions.positive(primaryDiseaseCoefficient, "primaryDiseaseCoefficient");
        complexityWeights = Map.copyOf(complexityWeights);
        if (method == PaymentMethod.DRG) {
            complexityWeights.forEach((digit, weight) -> Fractions.positive(weight, "complexityWeights." + digit));
        }
        Objects.requireNonNull(drgThresholds, "drgThresholds");
        Objects.requireNonNull(dipThresholds, "dipThresholds");
        deductibles = Map.copyOf(deductibles);
        for (Level level : Level.values()) {
            Objects.requireNonNull(deductibles.get(level), "deductibles." + level);
        }
        Fractions.fraction(drgReviewCap, "drgReviewCap");
        Fractions.fraction(dipReviewCap, "dipReviewCap");
    }

    /** The same rules at another point value: the year's cleared one, for a case settled after its year's clearing. */
    public CaseRules withDipPointValue(BigDecimal pointValue) {
        return new CaseRules(method, drgBaseRate, pointValue, levelCoefficients, primaryDiseaseCoefficient, complexityWeights,
                drgThresholds, dipThresholds, deductibles, drgReviewCap, dipReviewCap);
    }

    public BigDecimal coefficientFor(Level level, boolean primaryLevelDisease) {
        return primaryLevelDisease ? primaryDiseaseCoefficient : levelCoefficients.get(level);
    }

    public BigDecimal complexityWeight(String drgCode) {
        return complexityWeights.getOrDefault(drgCode.charAt(drgCode.length() - 1), BigDecimal.ONE);
    }

    public BigDecimal reviewCap() {
        return method == PaymentMethod.DRG ? drgReviewCap : dipReviewCap;
    }
}

package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns totals into scores with a rule set: nothing here is stored, so a new weight or threshold
 * applies to every entity the next time it is read or emitted, without a replay.
 */
public final class ScoreCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int VALUE_SCALE = 6;

    private ScoreCalculator() {
    }

    /** @param before the totals of the period an IMPROVEMENT indicator compares with, by its {@link Baseline} */
    public static EntityScore score(RuleSet rules, Totals current, Function<Baseline, Totals> before) {
        List<IndicatorResult> results = new ArrayList<>();
        Map<Factor, BigDecimal> weightedSums = new EnumMap<>(Factor.class);
        Map<Factor, BigDecimal> weights = new EnumMap<>(Factor.class);
        for (IndicatorDefinition indicator : rules.indicators()) {
            IndicatorResult result = evaluate(indicator, current,
                    indicator.scoring().method() == ScoringMethod.IMPROVEMENT ? before.apply(indicator.scoring().comparedWith()) : Totals.EMPTY);
            results.add(result);
            if (result.scored()) {
                weightedSums.merge(indicator.factor(), result.score().multiply(indicator.weight()), BigDecimal::add);
                weights.merge(indicator.factor(), indicator.weight(), BigDecimal::add);
            }
        }
        // A factor with no scored indicator has no score (no data is not 0.00): it is left out of the map.
        Map<Factor, BigDecimal> factorScores = new EnumMap<>(Factor.class);
        for (Factor factor : weights.keySet()) {
            factorScores.put(factor, twoDecimals(weightedSums.get(factor).divide(weights.get(factor), PRECISION)));
        }
        BigDecimal compositeSum = BigDecimal.ZERO;
        BigDecimal compositeWeight = BigDecimal.ZERO;
        for (Factor factor : factorScores.keySet()) {
            compositeSum = compositeSum.add(factorScores.get(factor).multiply(rules.weightOf(factor)));
            compositeWeight = compositeWeight.add(rules.weightOf(factor));
        }
        BigDecimal composite = compositeWeight.signum() == 0 ? BigDecimal.ZERO : compositeSum.divide(compositeWeight, PRECISION);
        return new EntityScore(rules.version(), twoDecimals(composite), factorScores, List.copyOf(results));
    }

    static IndicatorResult evaluate(IndicatorDefinition indicator, Totals current, Totals earlier) {
        long numerator = current.of(indicator.numerator());
        Long denominator = indicator.denominator() == null ? null : current.of(indicator.denominator());
        BigDecimal value = indicator.hasDataIn(current) ? valueOf(indicator, numerator, denominator) : null;
        if (value == null) {
            return new IndicatorResult(indicator.id(), numerator, denominator, null, null);
        }
        BigDecimal score = switch (indicator.scoring().method()) {
            case TARGET -> target(indicator, value);
            case BAND -> band(indicator, value);
            case IMPROVEMENT -> improvement(indicator, value, earlier);
        };
        return new IndicatorResult(indicator.id(), numerator, denominator, value, score == null ? null : twoDecimals(score));
    }

    private static BigDecimal valueOf(IndicatorDefinition indicator, long numerator, Long denominator) {
        BigDecimal scaled = BigDecimal.valueOf(numerator).multiply(indicator.multiplier());
        if (denominator == null) {
            return scaled;
        }
        return denominator == 0 ? null : scaled.divide(BigDecimal.valueOf(denominator), VALUE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal target(IndicatorDefinition indicator, BigDecimal value) {
        BigDecimal target = indicator.scoring().target();
        BigDecimal ratio;
        if (indicator.direction() == Direction.HIGHER_IS_BETTER) {
            ratio = value.divide(target, PRECISION);
        } else {
            ratio = value.signum() == 0 ? BigDecimal.ONE : target.divide(value, PRECISION);
        }
        return clamp(ratio).multiply(HUNDRED);
    }

    private static BigDecimal band(IndicatorDefinition indicator, BigDecimal value) {
        BigDecimal floor = indicator.scoring().floor();
        BigDecimal target = indicator.scoring().target();
        // (value − floor) ÷ (target − floor) is right in both directions: for lower-is-better the floor is above the target.
        return clamp(value.subtract(floor).divide(target.subtract(floor), PRECISION)).multiply(HUNDRED);
    }

    private static BigDecimal improvement(IndicatorDefinition indicator, BigDecimal value, Totals earlier) {
        BigDecimal before = valueOf(indicator, earlier.of(indicator.numerator()),
                indicator.denominator() == null ? null : earlier.of(indicator.denominator()));
        if (before == null || before.signum() == 0) {
            return null;
        }
        BigDecimal change = value.subtract(before).divide(before, PRECISION);
        if (indicator.direction() == Direction.LOWER_IS_BETTER) {
            change = change.negate();
        }
        return clamp(change.divide(indicator.scoring().target(), PRECISION)).multiply(HUNDRED);
    }

    private static BigDecimal clamp(BigDecimal ratio) {
        return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private static BigDecimal twoDecimals(BigDecimal score) {
        return score.setScale(2, RoundingMode.HALF_EVEN);
    }
}

package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One indicator of the factor method: value = numerator × multiplier ÷ denominator (or the
 * numerator alone when there is no denominator), scored by {@link Scoring}, weighted in its factor.
 *
 * @param scoredWhenAnyOf for an indicator without a denominator: measures of which at least one (or the numerator)
 *                        must be non-zero in the period for the indicator to be scored — the evidence that the scope
 *                        reported what the indicator reads (support reports for a headcount, care for a count of
 *                        violations). With all of them 0, a numerator of 0 is no data, not a 0 (or, lower being better,
 *                        a 100). Empty: always scored, as before the field.
 */
public record IndicatorDefinition(String id, String nameZh, String nameEn, Factor factor,
                                  String numerator, String denominator, BigDecimal multiplier,
                                  String unit, Direction direction, Scoring scoring, BigDecimal weight,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> scoredWhenAnyOf) {

    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
        direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
        scoredWhenAnyOf = scoredWhenAnyOf == null ? List.of() : List.copyOf(scoredWhenAnyOf);
    }

    /** An indicator scored whatever the period holds. */
    public IndicatorDefinition(String id, String nameZh, String nameEn, Factor factor,
                               String numerator, String denominator, BigDecimal multiplier,
                               String unit, Direction direction, Scoring scoring, BigDecimal weight) {
        this(id, nameZh, nameEn, factor, numerator, denominator, multiplier, unit, direction, scoring, weight, null);
    }

    /** Whether the totals hold any sign that the scope reported what this indicator reads (see {@link #scoredWhenAnyOf}). */
    public boolean hasDataIn(Totals totals) {
        return scoredWhenAnyOf.isEmpty() || totals.of(numerator) != 0
                || scoredWhenAnyOf.stream().anyMatch(measure -> totals.of(measure) != 0);
    }
}

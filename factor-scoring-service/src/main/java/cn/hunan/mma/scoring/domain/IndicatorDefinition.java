package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One indicator of the factor method: value = numerator × multiplier ÷ denominator (or the
 * numerator alone when there is no denominator), scored by {@link Scoring}, weighted in its factor.
 */
public record IndicatorDefinition(String id, String nameZh, String nameEn, Factor factor,
                                  String numerator, String denominator, BigDecimal multiplier,
                                  String unit, Direction direction, Scoring scoring, BigDecimal weight) {

    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
        direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
    }
}

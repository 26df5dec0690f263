package cn.hunan.mma.simulator.oracle;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure of one scope and period. A volume has only a numerator; an indicator has a
 * numerator and a denominator, and a ratio when the denominator is not zero.
 *
 * @param ratio numerator × multiplier ÷ denominator, rounded half-even to the figure's scale
 */
public record FigureValue(Quantity numerator, Quantity denominator, BigDecimal ratio) {

    public FigureValue {
        Objects.requireNonNull(numerator, "numerator");
    }

    public boolean isVolume() {
        return denominator == null;
    }
}

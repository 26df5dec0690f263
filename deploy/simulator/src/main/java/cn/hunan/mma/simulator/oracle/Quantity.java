package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount: a count, a number of days, or money in fen. */
public record Quantity(long amount, Unit unit) {

    public enum Unit { COUNT, DAYS, FEN }

    public Quantity {
        Objects.requireNonNull(unit, "unit");
    }

    public boolean isZero() {
        return amount == 0;
    }

    /** Counts and days as they are; money in yuan with scale 2. */
    public BigDecimal toBigDecimal() {
        return unit == Unit.FEN ? BigDecimal.valueOf(amount, 2) : BigDecimal.valueOf(amount);
    }

    public Money toMoney() {
        if (unit != Unit.FEN) {
            throw new IllegalStateException("a " + unit + " quantity is not money");
        }
        return Money.ofFen(amount);
    }

    /** Money as the contract writes it ("1234.50"); counts and days as integers. */
    @Override
    public String toString() {
        return unit == Unit.FEN ? toBigDecimal().toPlainString() : Long.toString(amount);
    }
}

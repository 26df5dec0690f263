package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A non-negative amount of money, held exactly as fen (分). Arithmetic that could produce a
 * fraction of a fen takes an explicit rounding mode; a result below zero is refused, so a
 * difference that may be negative is a {@link SignedMoney}.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final String PATTERN = YuanText.UNSIGNED_PATTERN;
    public static final Money ZERO = new Money(0);

    public Money {
        if (fen < 0) {
            throw new ContractViolation(Reason.NEGATIVE_MONEY, null, "an amount of money must not be negative");
        }
    }

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses the wire form, e.g. "12345.67"; "-1.00" is refused as negative, "12.5" as malformed. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money ofYuan(String yuan) {
        return new Money(YuanText.parseFen(yuan, "money"));
    }

    /** Yuan with at most two decimals; more would need a rounding decision, so they are refused. */
    public static Money ofYuan(BigDecimal yuan) {
        return new Money(SignedMoney.exactFen(yuan));
    }

    public static Money ofYuan(BigDecimal yuan, RoundingMode rounding) {
        return new Money(yuan.setScale(2, rounding).movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    /** The difference, which must not be negative; use {@link #difference} when it may be. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** This minus other, with its sign. */
    public SignedMoney difference(Money other) {
        return SignedMoney.ofFen(Math.subtractExact(fen, other.fen));
    }

    /** Multiplies by a rate or ratio, rounding to whole fen as the caller's rule says. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return ofYuan(toBigDecimal().multiply(factor), rounding);
    }

    public Money times(long count) {
        return new Money(Math.multiplyExact(fen, count));
    }

    /** Yuan with scale 2. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(fen, 2);
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** The wire form: yuan with two decimals. */
    @JsonValue
    public String toYuanString() {
        return YuanText.format(fen);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }
}

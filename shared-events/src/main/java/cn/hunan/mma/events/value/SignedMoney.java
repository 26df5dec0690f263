package cn.hunan.mma.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

/**
 * An amount that may be negative, such as the factor-method adjustment to a package total
 * ("± factor-method adjustment"). Same wire form as {@link Money}, with an optional leading '-'.
 */
public record SignedMoney(long fen) {

    public static final String PATTERN = YuanText.SIGNED_PATTERN;
    public static final SignedMoney ZERO = new SignedMoney(0);

    public static SignedMoney ofFen(long fen) {
        return new SignedMoney(fen);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SignedMoney ofYuan(String yuan) {
        return new SignedMoney(YuanText.parseFen(yuan, "signed money"));
    }

    public static SignedMoney ofYuan(BigDecimal yuan) {
        return new SignedMoney(exactFen(yuan));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** The size of the amount, without its sign. */
    public Money magnitude() {
        return Money.ofFen(Math.abs(fen));
    }

    /** Adds this (possibly negative) amount to a non-negative one; a negative result is refused. */
    public Money applyTo(Money amount) {
        return Money.ofFen(Math.addExact(amount.fen(), fen));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(fen, 2);
    }

    @JsonValue
    public String toYuanString() {
        return YuanText.format(fen);
    }

    @Override
    public String toString() {
        return (fen < 0 ? "-¥" : "¥") + YuanText.format(Math.abs(fen));
    }

    static long exactFen(BigDecimal yuan) {
        try {
            return yuan.setScale(2, java.math.RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new ContractViolation(Reason.MALFORMED_MONEY, null,
                    "money must have at most two decimals and fit in a long of fen");
        }
    }
}

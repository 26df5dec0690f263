package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parses_yuan_text_into_exact_fen() {
        assertThat(Money.ofYuan("12345.67").fen()).isEqualTo(1_234_567L);
        assertThat(Money.ofYuan("0.05").fen()).isEqualTo(5L);
        assertThat(Money.ofYuan("488750000.00").fen()).isEqualTo(48_875_000_000L);
    }

    @Test
    void writes_yuan_with_exactly_two_decimals() {
        assertThat(Money.ofFen(1_234_567).toYuanString()).isEqualTo("12345.67");
        assertThat(Money.ofFen(5).toYuanString()).isEqualTo("0.05");
        assertThat(Money.ofFen(120).toYuanString()).isEqualTo("1.20");
        assertThat(Money.ZERO.toYuanString()).isEqualTo("0.00");
    }

    @Test
    void rejects_negative_money_with_its_own_reason() {
        assertThatThrownBy(() -> Money.ofYuan("-1.00"))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEGATIVE_MONEY));
        assertThatThrownBy(() -> Money.ofFen(-1))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEGATIVE_MONEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "12", "12.345", "1,000.00", "012.00", "+1.00", "¥1.00", " 1.00", "1.00 ", "", ".50",
            "12345678901234567.00", "1e3", "一百.00", "-0.00"})
    void rejects_anything_but_canonical_yuan_text(String text) {
        assertThatThrownBy(() -> Money.ofYuan(text))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MONEY));
    }

    @Test
    void adds_and_subtracts_without_going_below_zero() {
        Money package_ = Money.ofYuan("488750000.00");
        Money actual = Money.ofYuan("470000000.00");

        assertThat(package_.minus(actual)).isEqualTo(Money.ofYuan("18750000.00"));
        assertThat(actual.plus(Money.ofYuan("0.01"))).isEqualTo(Money.ofYuan("470000000.01"));
        assertThatThrownBy(() -> actual.minus(package_)).isInstanceOf(ContractViolation.class);
        assertThat(actual.difference(package_)).isEqualTo(SignedMoney.ofYuan("-18750000.00"));
    }

    @Test
    void multiplies_with_the_rounding_the_caller_chooses() {
        Money base = Money.ofYuan("500000000.00");
        assertThat(base.times(new BigDecimal("1.05"), RoundingMode.UNNECESSARY)).isEqualTo(Money.ofYuan("525000000.00"));

        Money odd = Money.ofYuan("0.05");
        assertThat(odd.times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.ofYuan("0.03"));
        assertThat(odd.times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.ofYuan("0.02"));
        assertThatThrownBy(() -> odd.times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void offers_a_big_decimal_view_with_scale_two() {
        assertThat(Money.ofYuan("86.50").toBigDecimal()).isEqualByComparingTo("86.5").hasScaleOf(2);
    }

    @Test
    void refuses_a_big_decimal_with_fractions_of_a_fen() {
        assertThat(Money.ofYuan(new BigDecimal("86.5"))).isEqualTo(Money.ofFen(8650));
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("86.505")))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MONEY));
    }

    @Test
    void signed_money_carries_a_negative_adjustment_and_applies_it() {
        SignedMoney adjustment = SignedMoney.ofYuan("-1250000.00");

        assertThat(adjustment.isNegative()).isTrue();
        assertThat(adjustment.toYuanString()).isEqualTo("-1250000.00");
        assertThat(adjustment.magnitude()).isEqualTo(Money.ofYuan("1250000.00"));
        assertThat(adjustment.applyTo(Money.ofYuan("488750000.00"))).isEqualTo(Money.ofYuan("487500000.00"));
        assertThat(SignedMoney.ofFen(-5).toYuanString()).isEqualTo("-0.05");
    }

    @Test
    void orders_amounts_by_value() {
        assertThat(Money.ofYuan("9.99")).isLessThan(Money.ofYuan("10.00"));
        assertThat(Money.ofYuan("10.00").isGreaterThan(Money.ofYuan("9.99"))).isTrue();
    }
}

package cn.hunan.mma.platform.rest;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedShapeTest {

    record Address(String county) {
    }

    @Test
    void numbers_are_whole_or_not() {
        assertThat(ExpectedShape.of(int.class)).isEqualTo("a whole number");
        assertThat(ExpectedShape.of(Long.class)).isEqualTo("a whole number");
        assertThat(ExpectedShape.of(double.class)).isEqualTo("a number");
    }

    @Test
    void an_enum_lists_the_values_the_json_carries() {
        // DischargeMode travels as its national code (@JsonValue), not its constant's name.
        assertThat(ExpectedShape.of(DischargeMode.class)).isEqualTo("one of 1, 2, 3, 4, 5, 9");
    }

    @Test
    void a_value_type_written_as_a_string_is_a_string() {
        assertThat(ExpectedShape.of(DivisionCode.class)).isEqualTo("a string");
    }

    @Test
    void an_amount_of_money_is_yuan_as_a_string_or_a_number() {
        // StrictTextJson reads Money and SignedMoney from either.
        assertThat(ExpectedShape.of(Money.class)).isEqualTo("an amount in yuan such as \"123.45\" (a string or a number)");
        assertThat(ExpectedShape.of(SignedMoney.class)).isEqualTo(ExpectedShape.of(Money.class));
    }

    @Test
    void containers_and_records_are_arrays_and_objects() {
        assertThat(ExpectedShape.of(List.class)).isEqualTo("an array");
        assertThat(ExpectedShape.of(String[].class)).isEqualTo("an array");
        assertThat(ExpectedShape.of(Map.class)).isEqualTo("an object");
        assertThat(ExpectedShape.of(Address.class)).isEqualTo("an object");
        assertThat(ExpectedShape.of(LocalDate.class)).isEqualTo("a date such as 2025-03-31");
    }
}

package cn.hunan.mma.events.value;

import cn.hunan.mma.events.value.NationalIdShapes.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdShapesTest {

    /** 430102 (长沙芙蓉区) + 850317 (17 March 1985) + 123: a plausible first-generation number. */
    private static final String FIRST_GENERATION = "430102" + "850317" + "123";

    @ParameterizedTest
    @ValueSource(strings = {FIRST_GENERATION, "110101" + "000101" + "001", "820000" + "991231" + "999",
            "430102" + "840229" + "123" /* 1984 was a leap year */})
    void a_fifteen_digit_number_with_a_plausible_area_and_a_real_birth_date_is_first_generation(String number) {
        assertThat(NationalIdShapes.isFirstGeneration(number, 0)).isTrue();
        assertThat(NationalIdShapes.containsNumber("patient " + number + ".", Scope.STANDING_ALONE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"430102" + "851317" + "123" /* month 13 */, "430102" + "850017" + "123" /* month 0 */,
            "430102" + "850230" + "123" /* 30 February */, "430102" + "850400" + "123" /* day 0 */,
            "430102" + "000229" + "123" /* 1900 was no leap year */, "930102" + "850317" + "123" /* area 9 */,
            "030102" + "850317" + "123" /* area 0 */, "43010285031712A", "4301028503171"})
    void fifteen_characters_without_a_plausible_area_or_a_real_birth_date_are_not(String text) {
        assertThat(NationalIdShapes.isFirstGeneration(text, 0)).isFalse();
        assertThat(NationalIdShapes.containsNumber(text, Scope.ANYWHERE)).isFalse();
    }

    @Test
    void fifteen_digits_inside_a_longer_digit_run_are_not_a_number() {
        assertThat(NationalIdShapes.containsNumber(FIRST_GENERATION + "4", Scope.ANYWHERE)).as("16 digits").isFalse();
        assertThat(NationalIdShapes.containsNumber("9" + FIRST_GENERATION, Scope.ANYWHERE)).as("16 digits").isFalse();
        assertThat(NationalIdShapes.containsNumber("9" + FIRST_GENERATION + "45", Scope.STANDING_ALONE)).as("18 digits, "
                + "found as an 18-character number, not as this one").isTrue();
        assertThat(NationalIdShapes.positions("1" + FIRST_GENERATION + "45", Scope.STANDING_ALONE))
                .as("the 18 characters, not 15 of them").hasToString("{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}");
    }

    @Test
    void standing_alone_a_number_is_not_part_of_a_word_nor_of_a_decimal_number() {
        assertThat(NationalIdShapes.containsNumber("ab" + FIRST_GENERATION, Scope.STANDING_ALONE)).isFalse();
        assertThat(NationalIdShapes.containsNumber("0." + FIRST_GENERATION, Scope.STANDING_ALONE)).isFalse();
        assertThat(NationalIdShapes.containsNumber(FIRST_GENERATION + ".5", Scope.STANDING_ALONE)).isFalse();
        assertThat(NationalIdShapes.containsNumber("ab" + FIRST_GENERATION, Scope.ANYWHERE)).isTrue();
    }

    @Test
    void the_positions_are_those_of_the_number_s_characters() {
        assertThat(NationalIdShapes.positions("id:" + FIRST_GENERATION + ";", Scope.STANDING_ALONE))
                .hasToString("{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}");
        assertThat(NationalIdShapes.positions("no number here: 12860.35", Scope.STANDING_ALONE).isEmpty()).isTrue();
    }
}

package cn.hunan.mma.events.pseudonym;

import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.value.PatientPseudonym;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientPseudonymizerTest {

    /** Fictional numbers with valid check digits. */
    private static final String ID_ENDING_IN_DIGIT = "430321196809021531";
    private static final String ID_ENDING_IN_X = "43032119550823108X";

    private final PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(GoldenFixtures.PSEUDONYM_KEY);

    @Test
    void matches_an_independently_computed_hmac_sha256() {
        // The golden fixtures' pseudonym for 430321196809021531, computed with Python's hmac module.
        assertThat(pseudonymizer.pseudonymize(ID_ENDING_IN_DIGIT))
                .isEqualTo(PatientPseudonym.of("923629b93f7e6789edac3a8a0d1917da2d96adfbbd6a51f3588fcb8ca5f6a4b8"));
    }

    @Test
    void gives_the_same_pseudonym_for_the_same_key_and_number() {
        PatientPseudonymizer sameKeyElsewhere = PatientPseudonymizer.fromBase64Key(
                Base64.getEncoder().encodeToString(GoldenFixtures.PSEUDONYM_KEY));

        assertThat(sameKeyElsewhere.pseudonymize(ID_ENDING_IN_DIGIT)).isEqualTo(pseudonymizer.pseudonymize(ID_ENDING_IN_DIGIT));
    }

    @Test
    void gives_a_different_pseudonym_under_another_key() {
        byte[] otherKey = Arrays.copyOf(GoldenFixtures.PSEUDONYM_KEY, GoldenFixtures.PSEUDONYM_KEY.length);
        otherKey[0] ^= 1;

        assertThat(new PatientPseudonymizer(otherKey).pseudonymize(ID_ENDING_IN_DIGIT))
                .isNotEqualTo(pseudonymizer.pseudonymize(ID_ENDING_IN_DIGIT));
    }

    @Test
    void normalises_case_of_the_check_character_and_surrounding_spaces() {
        PatientPseudonym expected = pseudonymizer.pseudonymize(ID_ENDING_IN_X);

        assertThat(pseudonymizer.pseudonymize("43032119550823108x")).isEqualTo(expected);
        assertThat(pseudonymizer.pseudonymize("  43032119550823108X\t")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"430321196809021532", "43032119470611304Y", "43032119680902153", "4303211968090215311",
            "43032119680902153A", "43032A196809021531"})
    void rejects_numbers_with_a_wrong_form_or_check_digit_without_repeating_them(String bad) {
        assertThatThrownBy(() -> pseudonymizer.pseudonymize(bad))
                .isInstanceOf(InvalidNationalIdException.class)
                .hasMessageNotContaining(bad)
                .hasMessageNotContaining(bad.substring(0, 12));
    }

    @Test
    void a_first_generation_number_gets_the_pseudonym_of_the_eighteen_character_number_that_replaced_it() {
        // 430102 + 19 + 850317 + 123, check character by hand: weighted sum 236, 236 mod 11 = 5 -> '7'; for 840229: 244 mod 11 = 2 -> 'X'.
        assertThat(pseudonymizer.pseudonymize("430102850317123")).isEqualTo(pseudonymizer.pseudonymize("430102198503171237"));
        assertThat(pseudonymizer.pseudonymize(" 430102840229123 ")).as("29 February 1984")
                .isEqualTo(pseudonymizer.pseudonymize("43010219840229123X"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"430102851317123", "430102850230123", "430102000229123", "930102850317123", "030102850317123",
            "43010285031712X", "4301028503171234"})
    void rejects_fifteen_or_sixteen_characters_that_are_no_first_generation_number_without_repeating_them(String bad) {
        assertThatThrownBy(() -> pseudonymizer.pseudonymize(bad))
                .isInstanceOf(InvalidNationalIdException.class)
                .hasMessageNotContaining(bad.substring(0, 12));
    }

    @Test
    void rejects_keys_shorter_than_32_bytes() {
        assertThatThrownBy(() -> new PatientPseudonymizer(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PatientPseudonymizer.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PatientPseudonymizer(new byte[32])).isNotNull();
    }

    @Test
    void rejects_a_key_that_is_not_base64_without_quoting_it() {
        String notBase64 = "this is not base64 at all!!!!!!!!!!!!!!!!!";

        assertThatThrownBy(() -> PatientPseudonymizer.fromBase64Key(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("this is not");
    }

    @Test
    void does_not_keep_using_the_callers_key_array() {
        byte[] key = GoldenFixtures.PSEUDONYM_KEY.clone();
        PatientPseudonymizer fromCopy = new PatientPseudonymizer(key);
        Arrays.fill(key, (byte) 0);

        assertThat(fromCopy.pseudonymize(ID_ENDING_IN_DIGIT)).isEqualTo(pseudonymizer.pseudonymize(ID_ENDING_IN_DIGIT));
    }

    @Test
    void string_forms_reveal_neither_key_nor_number() {
        String keyText = new String(GoldenFixtures.PSEUDONYM_KEY, java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(pseudonymizer.toString()).doesNotContain(keyText)
                .doesNotContain(Base64.getEncoder().encodeToString(GoldenFixtures.PSEUDONYM_KEY));
        assertThat(NationalIdNumber.parse(ID_ENDING_IN_DIGIT).toString()).doesNotContain(ID_ENDING_IN_DIGIT.substring(6));
    }
}

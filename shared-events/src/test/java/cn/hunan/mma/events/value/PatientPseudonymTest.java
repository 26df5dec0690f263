package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientPseudonymTest {

    private static final String NATIONAL_ID = "430321196809021531";

    @Test
    void accepts_64_lowercase_hex_characters() {
        String hex = "923629b93f7e6789edac3a8a0d1917da2d96adfbbd6a51f3588fcb8ca5f6a4b8";
        assertThat(PatientPseudonym.of(hex).value()).isEqualTo(hex);
    }

    @Test
    void accepts_a_digest_that_happens_to_contain_eighteen_digits() {
        // About 1% of genuine HMAC outputs look like this; they must not be mistaken for ID numbers.
        String hex = "ab" + "123456789012345678" + "c".repeat(44);
        assertThat(PatientPseudonym.of(hex).value()).isEqualTo(hex);
    }

    @Test
    void refuses_a_national_id_number_with_a_distinct_reason() {
        assertThatThrownBy(() -> PatientPseudonym.of(NATIONAL_ID))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NATIONAL_ID_IN_PSEUDONYM));
        assertThatThrownBy(() -> PatientPseudonym.of("patient-43032119550823108x"))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NATIONAL_ID_IN_PSEUDONYM));
    }

    @Test
    void refuses_a_first_generation_fifteen_digit_number_with_the_same_reason() {
        assertThatThrownBy(() -> PatientPseudonym.of("430102850317123"))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NATIONAL_ID_IN_PSEUDONYM))
                .hasMessageNotContaining("850317");
        assertThatThrownBy(() -> PatientPseudonym.of("p-430102850317123"))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NATIONAL_ID_IN_PSEUDONYM));
    }

    @Test
    void fifteen_digits_that_are_no_first_generation_number_are_only_malformed() {
        for (String notANumber : new String[] {"430102851317123", "4301028503171234", "930102850317123"}) {
            assertThatThrownBy(() -> PatientPseudonym.of(notANumber)).as(notANumber)
                    .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID));
        }
    }

    @Test
    void never_repeats_the_refused_number_in_its_message() {
        assertThatThrownBy(() -> PatientPseudonym.of(NATIONAL_ID))
                .hasMessageNotContaining(NATIONAL_ID)
                .hasMessageNotContaining(NATIONAL_ID.substring(6, 14));
    }

    @Test
    void refuses_other_malformed_pseudonyms_as_malformed_ids() {
        assertThatThrownBy(() -> PatientPseudonym.of("923629B93F7E6789EDAC3A8A0D1917DA2D96ADFBBD6A51F3588FCB8CA5F6A4B8"))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID));
        assertThatThrownBy(() -> PatientPseudonym.of("923629b9"))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID));
    }
}

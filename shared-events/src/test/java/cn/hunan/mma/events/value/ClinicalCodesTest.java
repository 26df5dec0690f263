package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClinicalCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"I10", "E11.9", "S72.00", "A00.000", "A00.000x001", "I10.x00", "I10.x00x002", "C34.100x004", "U07.100"})
    void accepts_who_and_chinese_edition_icd10_forms(String code) {
        assertThat(Icd10Code.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i10", "I1", "I100", "I10.", "I10.0000", "I10-x00", "I10.X00", "I10.x0", "I10.x00x02", "I10.9x001",
            "I63.900+G46.3*", "10.x00", ""})
    void rejects_other_icd10_forms(String code) {
        assertThatThrownBy(() -> Icd10Code.of(code))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ICD10));
    }

    @Test
    void a_national_code_falls_under_its_who_category() {
        Icd10Code hypertension = Icd10Code.of("I10.x00x002");

        assertThat(hypertension.category()).isEqualTo("I10");
        assertThat(hypertension.isUnder(Icd10Code.of("I10"))).isTrue();
        assertThat(hypertension.isUnder(Icd10Code.of("I11"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"47", "47.0", "47.09", "47.0901", "00.6600x004", "01.6x00", "03.1x00x001", "17.91100", "17.912A0",
            "86.700x0013"})
    void accepts_icd9cm3_plain_and_insurance_edition_forms(String code) {
        assertThat(Icd9Cm3Code.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4709", "47.", "47.090", "4.09", "47.09x1", "47-09", "A7.09", ""})
    void rejects_other_icd9cm3_forms(String code) {
        assertThatThrownBy(() -> Icd9Cm3Code.of(code))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ICD9CM3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR25", "FV25", "ES31", "CD1A", "AA19"})
    void accepts_chs_drg_groups(String code) {
        assertThat(DrgCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR2", "BR255", "br25", "B125", "BRX5", ""})
    void rejects_other_drg_forms(String code) {
        assertThatThrownBy(() -> DrgCode.of(code))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_DRG_CODE));
    }

    @Test
    void a_drg_group_knows_its_base_group() {
        assertThat(DrgCode.of("BR25").adrg()).isEqualTo("BR2");
    }
}

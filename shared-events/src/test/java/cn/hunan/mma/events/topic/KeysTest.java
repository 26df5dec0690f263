package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

    @Test
    void score_keys_read_back_from_their_text() {
        ScoreKey county = new ScoreKey(ScoredEntityKind.COUNTY, "430321", Period.halfYear(2025, 1));

        assertThat(county.toString()).isEqualTo("COUNTY:430321:2025-H1");
        assertThat(ScoreKey.parse("COUNTY:430321:2025-H1")).isEqualTo(county);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COUNTY:430321", "COUNTY:430321:2025-H1:x", "HOSPITAL:430321:2025", "COUNTY:XTX:2025", "COUNTY:430321:2025-Q1"})
    void score_keys_that_do_not_parse_are_malformed_ids_or_codes(String text) {
        assertThatThrownBy(() -> ScoreKey.parse(text)).isInstanceOf(ContractViolation.class);
    }

    @Test
    void a_score_key_for_an_area_needs_a_division_code() {
        assertThatThrownBy(() -> new ScoreKey(ScoredEntityKind.CITY, "XTX-YGT-01", Period.ofYear(2025)))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_DIVISION_CODE));
    }

    @Test
    void budget_keys_read_back_from_their_text() {
        BudgetKey key = new BudgetKey(AllianceId.of("XTX-YGT-01"), 2025);

        assertThat(key.toString()).isEqualTo("XTX-YGT-01:2025");
        assertThat(BudgetKey.parse("XTX-YGT-01:2025")).isEqualTo(key);
        assertThatThrownBy(() -> BudgetKey.parse("XTX-YGT-01")).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> BudgetKey.parse("XTX-YGT-01:twenty")).isInstanceOf(ContractViolation.class);
    }

    @Test
    void specialty_keys_read_back_from_their_text() {
        SpecialtyKey key = new SpecialtyKey(InstitutionId.of("430302H0001"), DepartmentId.of("cardiology"));

        assertThat(SpecialtyKey.parse(key.toString())).isEqualTo(key);
        assertThatThrownBy(() -> SpecialtyKey.parse("430302H0001")).isInstanceOf(ContractViolation.class);
    }
}

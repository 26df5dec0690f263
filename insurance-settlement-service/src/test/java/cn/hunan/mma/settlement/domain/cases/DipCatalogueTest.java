package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;
import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A discharge finds the most specific DIP group: the subcategory with the principal procedure, then the
 * subcategory alone, then the category's comprehensive group.
 */
class DipCatalogueTest {

    private static final DipCatalogue CATALOGUE = new DipCatalogue(List.of(
            group("I63.9+99.1000", "800"),
            group("I63.9", "600"),
            group("I63", "500"),
            group("I10", "300")));

    @Test
    void an_operated_case_takes_the_group_of_its_diagnosis_with_its_principal_procedure() {
        assertThat(code("I63.900", "99.1000", "89.5200")).contains("I63.9+99.1000");
    }

    @Test
    void only_the_principal_procedure_counts_and_a_procedure_without_a_group_falls_to_the_conservative_group() {
        assertThat(code("I63.900", "89.5200", "99.1000")).contains("I63.9");
        assertThat(code("I63.901")).contains("I63.9");
    }

    @Test
    void a_subcategory_without_a_group_falls_to_the_comprehensive_group_of_its_category() {
        assertThat(code("I63.000", "99.1000")).contains("I63");
        assertThat(code("I10.x00")).contains("I10");
        assertThat(code("I10")).contains("I10");
    }

    @Test
    void a_diagnosis_of_a_category_without_groups_cannot_be_priced() {
        assertThat(code("J18.900")).isEmpty();
    }

    @Test
    void a_group_listed_twice_is_refused() {
        assertThatThrownBy(() -> new DipCatalogue(List.of(group("I63.9", "600"), group("I63.9", "650"))))
                .hasMessageContaining("I63.9");
    }

    private static Optional<String> code(String diagnosis, String... procedures) {
        return CATALOGUE.groupOf(Icd10Code.of(diagnosis), List.of(procedures).stream().map(Icd9Cm3Code::of).toList())
                .map(DipGroup::code);
    }

    private static DipGroup group(String code, String score) {
        return new DipGroup(code, new BigDecimal(score), Money.ofYuan("5000.00"));
    }
}

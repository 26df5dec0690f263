package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrimaryCareTest {

    private static final DepartmentId GENERAL_MEDICINE = DepartmentId.of("general-medicine");
    private static final DepartmentId INTERNAL_MEDICINE = DepartmentId.of("internal-medicine");

    @Test
    void adds_general_and_internal_medicine_beside_specialist_departments() {
        assertThat(PrimaryCare.STANDARD.besides(Set.of(DepartmentId.of("cardiology"))).departments())
                .containsExactlyInAnyOrder(GENERAL_MEDICINE, INTERNAL_MEDICINE);
    }

    @Test
    void never_looks_for_a_department_the_diagnosis_already_maps_to_twice() {
        PrimaryCare besides = PrimaryCare.STANDARD.besides(Set.of(GENERAL_MEDICINE));

        assertThat(besides.departments()).containsExactly(INTERNAL_MEDICINE);
        assertThat(besides.upTo()).isEqualTo(PrimaryCare.STANDARD.upTo());
    }
}

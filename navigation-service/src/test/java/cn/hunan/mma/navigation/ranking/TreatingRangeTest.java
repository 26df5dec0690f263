package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.navigation.ranking.adapters.RegistryMatrixView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreatingRangeTest {

    private static final TreatingRange CEREBROVASCULAR = new TreatingRange("I60", "I69", DepartmentId.of("neurology"));

    @Test
    void covers_the_categories_between_its_bounds_inclusive() {
        assertThat(CEREBROVASCULAR.covers(Icd10Code.of("I60"))).isTrue();
        assertThat(CEREBROVASCULAR.covers(Icd10Code.of("I63.9"))).isTrue();
        assertThat(CEREBROVASCULAR.covers(Icd10Code.of("I69.3"))).isTrue();
        assertThat(CEREBROVASCULAR.covers(Icd10Code.of("I70"))).isFalse();
        assertThat(CEREBROVASCULAR.covers(Icd10Code.of("I25.1"))).isFalse();
    }

    @Test
    void a_reversed_range_is_refused() {
        assertThatThrownBy(() -> new TreatingRange("I69", "I60", DepartmentId.of("neurology")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_registry_view_maps_a_diagnosis_through_its_ranges_and_the_configured_prefixes() {
        RegistryMatrixView view = new RegistryMatrixView(List.of(), List.of(), List.of(),
                List.of(CEREBROVASCULAR, new TreatingRange("I20", "I25", DepartmentId.of("cardiology"))),
                Map.of("I63", Set.of(DepartmentId.of("rehabilitation"))));

        assertThat(view.departmentsTreating(Icd10Code.of("I63.9")))
                .containsExactlyInAnyOrder(DepartmentId.of("neurology"), DepartmentId.of("rehabilitation"));
        assertThat(view.departmentsTreating(Icd10Code.of("I21.0"))).containsExactly(DepartmentId.of("cardiology"));
        assertThat(view.departmentsTreating(Icd10Code.of("K35.8"))).isEmpty();
    }
}

package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.hunan.mma.navigation.registry.MatrixFixtures.alliance;
import static cn.hunan.mma.navigation.registry.MatrixFixtures.institution;
import static org.assertj.core.api.Assertions.assertThat;

class MatrixRulesTest {

    @Test
    void an_institution_placed_in_a_county_township_or_village_is_accepted() {
        assertThat(MatrixRules.placementProblem(institution("A1", "430321"))).isEmpty();
        assertThat(MatrixRules.placementProblem(institution("A2", "430321100"))).isEmpty();
        assertThat(MatrixRules.placementProblem(institution("A3", "430321100201"))).isEmpty();
    }

    @Test
    void an_institution_placed_only_in_a_city_or_province_is_refused() {
        assertThat(MatrixRules.placementProblem(institution("A1", "430300"))).hasValueSatisfying(
                problem -> assertThat(problem).contains("prefecture"));
        assertThat(MatrixRules.placementProblem(institution("A2", "430000"))).isPresent();
    }

    @Test
    void names_the_lead_and_members_that_are_not_registered() {
        Set<InstitutionId> registered = Set.of(InstitutionId.of("M1"));

        Set<InstitutionId> unknown = MatrixRules.unknownInstitutions(alliance("CC-1", "LEAD", "M1", "M2"), registered::contains);

        assertThat(unknown).containsExactly(InstitutionId.of("LEAD"), InstitutionId.of("M2"));
    }

    @Test
    void an_alliance_of_registered_institutions_has_no_unknown_ones() {
        Set<InstitutionId> registered = Set.of(InstitutionId.of("LEAD"), InstitutionId.of("M1"));

        assertThat(MatrixRules.unknownInstitutions(alliance("CC-1", "LEAD", "M1"), registered::contains)).isEmpty();
    }
}

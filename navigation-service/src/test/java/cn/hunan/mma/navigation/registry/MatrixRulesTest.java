package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
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
    void an_institution_outside_hunan_is_refused() {
        assertThat(MatrixRules.institutionProblem(institution("B1", "110101")))
                .hasValueSatisfying(violation -> assertThat(violation.reason()).isEqualTo(MatrixRules.OUTSIDE_HUNAN));
    }

    @Test
    void the_level_must_fit_the_division() {
        assertThat(MatrixRules.institutionProblem(at(Level.VILLAGE, "430321100201"))).isEmpty();
        assertThat(MatrixRules.institutionProblem(at(Level.TOWNSHIP, "430321100"))).isEmpty();
        assertThat(MatrixRules.institutionProblem(at(Level.CITY, "430302"))).isEmpty();
        assertThat(MatrixRules.institutionProblem(at(Level.VILLAGE, "430321")))
                .hasValueSatisfying(violation -> {
                    assertThat(violation.reason()).isEqualTo(MatrixRules.LEVEL_DIVISION_MISMATCH);
                    assertThat(violation.field()).isEqualTo("level");
                });
        assertThat(MatrixRules.institutionProblem(at(Level.PROVINCE, "430103001001")))
                .hasValueSatisfying(violation -> assertThat(violation.reason()).isEqualTo(MatrixRules.LEVEL_DIVISION_MISMATCH));
    }

    @Test
    void a_coarse_division_is_reported_before_the_level() {
        assertThat(MatrixRules.institutionProblem(at(Level.VILLAGE, "430300")))
                .hasValueSatisfying(violation -> assertThat(violation.reason()).isEqualTo(MatrixRules.DIVISION_TOO_COARSE));
    }

    private static InstitutionSnapshot at(Level level, String division) {
        InstitutionSnapshot county = institution("L1", division);
        return new InstitutionSnapshot(county.eventId(), county.occurredAt(), county.institutionId(), county.name(), level,
                county.kind(), county.divisionCode(), county.latitude(), county.longitude(), county.allianceIds(), true);
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

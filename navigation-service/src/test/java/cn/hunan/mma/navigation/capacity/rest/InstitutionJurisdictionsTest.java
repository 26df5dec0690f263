package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.security.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Placing an institution the registry does not know yet by its id. */
class InstitutionJurisdictionsTest {

    @Test
    void places_an_unregistered_institution_in_the_county_its_id_starts_with() {
        assertThat(InstitutionJurisdictions.fromIdPrefix(InstitutionId.of("430321H0001")))
                .contains(new Jurisdiction(DivisionCode.of("430321"), Set.of(), Set.of("430321H0001")));
    }

    @Test
    void cannot_place_an_id_that_does_not_start_with_a_division_code() {
        assertThat(InstitutionJurisdictions.fromIdPrefix(InstitutionId.of("CLINIC-0001"))).isEmpty();
        assertThat(InstitutionJurisdictions.fromIdPrefix(InstitutionId.of("430321"))).isEmpty();
    }
}

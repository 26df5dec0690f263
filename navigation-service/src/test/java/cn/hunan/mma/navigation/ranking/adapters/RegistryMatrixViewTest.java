package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.GeoPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegistryMatrixViewTest {

    private static final DepartmentId CARDIOLOGY = DepartmentId.of("CARDIO");
    private static final DepartmentId NEUROLOGY = DepartmentId.of("NEURO");

    private final RegistryMatrixView view = new RegistryMatrixView(List.of(
            institution("430321H1", "430321", "27.70", "112.90"),
            institution("430321T1", "430321101", "27.80", "113.00"),
            institution("430302H1", "430302", "27.90", "112.80"),
            institution("430302V1", "430302", null, null)),
            List.of(), List.of(),
            Map.of("I63", Set.of(NEUROLOGY), "I", Set.of(CARDIOLOGY)));

    @Test
    void a_county_seat_is_the_average_of_its_institutions_including_its_townships() {
        GeoPoint seat = view.seatOf(DivisionCode.of("430321")).orElseThrow();

        assertThat(seat.latitude()).isCloseTo(27.75, within(1e-9));
        assertThat(seat.longitude()).isCloseTo(112.95, within(1e-9));
    }

    @Test
    void a_city_seat_averages_every_surveyed_institution_of_its_counties() {
        GeoPoint seat = view.seatOf(DivisionCode.of("430300")).orElseThrow();

        assertThat(seat.latitude()).isCloseTo((27.70 + 27.80 + 27.90) / 3, within(1e-9));
        assertThat(seat.longitude()).isCloseTo((112.90 + 113.00 + 112.80) / 3, within(1e-9));
    }

    @Test
    void a_county_without_institutions_falls_back_to_its_city() {
        assertThat(view.seatOf(DivisionCode.of("430381"))).isEmpty();
        assertThat(view.nearestKnownSeat(DivisionCode.of("430381"))).isEqualTo(view.seatOf(DivisionCode.of("430300")));
    }

    @Test
    void every_configured_prefix_covering_a_diagnosis_adds_its_departments() {
        assertThat(view.departmentsTreating(Icd10Code.of("I63.0"))).containsExactlyInAnyOrder(NEUROLOGY, CARDIOLOGY);
        assertThat(view.departmentsTreating(Icd10Code.of("I10"))).containsExactly(CARDIOLOGY);
        assertThat(view.departmentsTreating(Icd10Code.of("C71"))).isEmpty();
    }

    private static InstitutionSnapshot institution(String id, String division, String latitude, String longitude) {
        return new InstitutionSnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"), InstitutionId.of(id),
                "医院 " + id, Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of(division),
                latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude),
                List.of(), true);
    }
}

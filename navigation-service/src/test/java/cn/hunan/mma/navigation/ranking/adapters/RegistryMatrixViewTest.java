package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
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

    private final List<InstitutionSnapshot> institutions = List.of(
            institution("430321H1", "430321", "27.70", "112.90"),
            institution("430321T1", "430321101", "27.80", "113.00"),
            institution("430302H1", "430302", "27.90", "112.80"),
            institution("430302V1", "430302", null, null));
    private final RegistryMatrixView view = new RegistryMatrixView(institutions, List.of(), List.of(),
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

    @Test
    void finds_a_department_by_the_township_county_and_city_of_its_institution() {
        RegistryMatrixView indexed = new RegistryMatrixView(institutions, List.of(
                specialty("430321H1", NEUROLOGY), specialty("430321T1", NEUROLOGY), specialty("430302H1", NEUROLOGY),
                specialty("430302H1", CARDIOLOGY), specialty("430999H9", NEUROLOGY)),
                List.of(), Map.of());

        assertThat(institutionsOf(indexed.departmentsIn(NEUROLOGY, DivisionCode.of("430321101"), Level.VILLAGE)))
                .containsExactly("430321T1");
        assertThat(institutionsOf(indexed.departmentsIn(NEUROLOGY, DivisionCode.of("430321"), Level.VILLAGE)))
                .containsExactlyInAnyOrder("430321H1", "430321T1");
        assertThat(institutionsOf(indexed.departmentsIn(NEUROLOGY, DivisionCode.of("430300"), Level.VILLAGE)))
                .containsExactlyInAnyOrder("430321H1", "430321T1", "430302H1");
        assertThat(institutionsOf(indexed.departmentsIn(NEUROLOGY, DivisionCode.of("430000"), Level.VILLAGE)))
                .containsExactlyInAnyOrder("430321H1", "430321T1", "430302H1");
        assertThat(indexed.departmentsIn(CARDIOLOGY, DivisionCode.of("430321"), Level.VILLAGE)).isEmpty();
    }

    @Test
    void leaves_out_departments_below_the_level_asked_for() {
        InstitutionSnapshot township = new InstitutionSnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"),
                InstitutionId.of("430321T3"), "卫生院", Level.TOWNSHIP, InstitutionKind.COMMUNITY,
                DivisionCode.of("430321103"), null, null, List.of(), true);
        RegistryMatrixView levels = new RegistryMatrixView(List.of(
                institution("430321H1", "430321", "27.70", "112.90"), township),
                List.of(specialty("430321T3", NEUROLOGY), specialty("430321H1", NEUROLOGY)),
                List.of(), Map.of());

        assertThat(institutionsOf(levels.departmentsIn(NEUROLOGY, DivisionCode.of("430321"), Level.COUNTY)))
                .containsExactly("430321H1");
        assertThat(institutionsOf(levels.departmentsIn(NEUROLOGY, DivisionCode.of("430321"), Level.TOWNSHIP)))
                .containsExactly("430321H1", "430321T3");
        assertThat(levels.departmentsIn(NEUROLOGY, DivisionCode.of("430321"), Level.CITY)).isEmpty();
    }

    @Test
    void the_lowest_level_offering_a_department_counts_active_institutions_only() {
        InstitutionSnapshot retiredTownship = new InstitutionSnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"),
                InstitutionId.of("430321T2"), "卫生院", Level.TOWNSHIP, InstitutionKind.COMMUNITY,
                DivisionCode.of("430321102"), null, null, List.of(), false);
        InstitutionSnapshot township = new InstitutionSnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"),
                InstitutionId.of("430321T3"), "卫生院", Level.TOWNSHIP, InstitutionKind.COMMUNITY,
                DivisionCode.of("430321103"), null, null, List.of(), true);
        RegistryMatrixView levels = new RegistryMatrixView(List.of(
                institution("430321H1", "430321", "27.70", "112.90"), retiredTownship, township),
                List.of(specialty("430321H1", NEUROLOGY), specialty("430321T2", NEUROLOGY),
                        specialty("430321H1", CARDIOLOGY), specialty("430321T3", CARDIOLOGY)),
                List.of(), Map.of());

        assertThat(levels.lowestLevelOffering(NEUROLOGY)).contains(Level.COUNTY);
        assertThat(levels.lowestLevelOffering(CARDIOLOGY)).contains(Level.TOWNSHIP);
        assertThat(levels.lowestLevelOffering(DepartmentId.of("DERM"))).isEmpty();
    }

    @Test
    void a_point_belongs_to_the_county_with_the_nearest_seat() {
        // Seats: 430321 at (27.75, 112.95), 430302 at (27.90, 112.80).
        assertThat(view.nearestCounty(new GeoPoint(27.74, 112.96))).contains(DivisionCode.of("430321"));
        assertThat(view.nearestCounty(new GeoPoint(27.88, 112.79))).contains(DivisionCode.of("430302"));
    }

    @Test
    void a_point_in_a_county_belongs_to_the_township_with_the_nearest_centre() {
        RegistryMatrixView townships = new RegistryMatrixView(List.of(
                institution("430321T1", "430321101", "27.80", "113.00"),
                institution("430321V1", "430321101201", "27.82", "113.02"),
                institution("430321T2", "430321102", "27.60", "112.80"),
                institution("430321H1", "430321", "27.70", "112.90")),
                List.of(), List.of(), Map.of());

        // Centres: 430321101 at (27.81, 113.01), 430321102 at (27.60, 112.80); the county hospital is no township's.
        assertThat(townships.nearestTownship(new GeoPoint(27.75, 112.97), DivisionCode.of("430321")))
                .contains(DivisionCode.of("430321101"));
        assertThat(townships.nearestTownship(new GeoPoint(27.66, 112.86), DivisionCode.of("430321")))
                .contains(DivisionCode.of("430321102"));
        assertThat(townships.nearestTownship(new GeoPoint(27.75, 112.97), DivisionCode.of("430302"))).isEmpty();
    }

    @Test
    void a_township_or_village_is_placed_where_its_own_institution_stands_before_its_county() {
        RegistryMatrixView places = new RegistryMatrixView(List.of(
                institution("430321T1", "430321101", "27.80", "113.00"),
                institution("430321V1", "430321101201", "27.82", "113.02"),
                institution("430321V2", "430321102201", "27.60", "112.80"),
                institution("430321H1", "430321", "27.70", "112.90")),
                List.of(), List.of(), Map.of());

        assertThat(places.nearestKnownSeat(DivisionCode.of("430321101"))).contains(new GeoPoint(27.80, 113.00));
        assertThat(places.nearestKnownSeat(DivisionCode.of("430321101201"))).contains(new GeoPoint(27.82, 113.02));
        // A village without a clinic: its township's centre; a township without a centre: its villages' clinics.
        assertThat(places.nearestKnownSeat(DivisionCode.of("430321101299"))).contains(new GeoPoint(27.80, 113.00));
        assertThat(places.nearestKnownSeat(DivisionCode.of("430321102"))).contains(new GeoPoint(27.60, 112.80));
        // A township with no institution at all: its county.
        assertThat(places.nearestKnownSeat(DivisionCode.of("430321109")))
                .isEqualTo(places.seatOf(DivisionCode.of("430321")));
    }

    private static List<String> institutionsOf(List<SpecialtySnapshot> departments) {
        return departments.stream().map(d -> d.institutionId().value()).toList();
    }

    private static SpecialtySnapshot specialty(String institution, DepartmentId department) {
        return new SpecialtySnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"), InstitutionId.of(institution),
                department, department.value(), SpecialtyTag.ORDINARY);
    }

    private static InstitutionSnapshot institution(String id, String division, String latitude, String longitude) {
        return new InstitutionSnapshot(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"), InstitutionId.of(id),
                "医院 " + id, Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of(division),
                latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude),
                List.of(), true);
    }
}

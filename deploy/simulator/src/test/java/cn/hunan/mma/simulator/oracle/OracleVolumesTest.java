package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.admission;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.PROVINCE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.VILLAGE_CLINIC;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_CITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_AREA;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits: village clinic 2, township centre 3, county hospital 1, central hospital 4.
 * Stays: county hospital 2 admissions and 1 discharge, central hospital 1 admission.
 */
class OracleVolumesTest {

    private static final Period YEAR = Period.ofYear(2025);

    @TempDir
    Path dir;

    private OracleReport report;

    @BeforeEach
    void a_month_of_care() {
        report = deliveries()
                .deliver(visits(VILLAGE_CLINIC, 2))
                .deliver(visits(TOWNSHIP_CENTRE, 3))
                .deliver(visits(COUNTY_HOSPITAL, 1))
                .deliver(visits(CENTRAL_HOSPITAL, 4))
                .deliver(admission("in-1").at(COUNTY_HOSPITAL).build(), admission("in-2").at(COUNTY_HOSPITAL).build())
                .deliver(admission("in-3").at(CENTRAL_HOSPITAL).build())
                .deliver(discharge("out-1").from(COUNTY_HOSPITAL).build())
                .deliver(visit("at a clinic the matrix does not list").at(InstitutionId.of("430321X9999")).build())
                .throughTheOracle(dir);
    }

    @Test
    void each_institution_counts_its_own_visits_admissions_and_discharges() {
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(3);
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "visits")).isEqualTo(1);
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "admissions")).isEqualTo(2);
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "discharges")).isEqualTo(1);
        assertThat(report.count(scopeOf(CENTRAL_HOSPITAL), YEAR, "admissions")).isEqualTo(1);
    }

    @Test
    void an_alliance_sums_its_members_by_level() {
        // members: village clinic 2 + township centre 3 + county hospital 1; the central hospital is no member
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "visits")).isEqualTo(6);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "visits.level.VILLAGE")).isEqualTo(2);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "visits.level.TOWNSHIP")).isEqualTo(3);
        assertThat(report.count(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "visits.level.COUNTY")).isEqualTo(1);
    }

    @Test
    void areas_sum_the_institutions_inside_them_by_level() {
        assertThat(report.count(XIANGTAN_COUNTY_AREA, YEAR, "visits")).isEqualTo(6);
        // 湘潭市 also holds the central hospital in 雨湖区
        assertThat(report.count(XIANGTAN_CITY, YEAR, "visits")).isEqualTo(10);
        assertThat(report.count(XIANGTAN_CITY, YEAR, "admissions.level.COUNTY")).isEqualTo(2);
        assertThat(report.count(XIANGTAN_CITY, YEAR, "admissions.level.CITY")).isEqualTo(1);
        assertThat(report.count(PROVINCE, YEAR, "discharges.level.COUNTY")).isEqualTo(1);
    }

    @Test
    void the_primary_level_share_of_visits_is_village_and_township_over_all() {
        // alliance: (2 + 3) / 6 = 0.833333…; city: (2 + 3) / 10 = 0.5
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "outpatient.primary-level-share")).isEqualTo("0.833333");
        assertThat(report.ratio(XIANGTAN_CITY, YEAR, "outpatient.primary-level-share")).isEqualTo("0.500000");
    }

    @Test
    void level_breakdowns_are_not_reported_for_a_single_institution() {
        assertThat(report.figures(scopeOf(TOWNSHIP_CENTRE), YEAR))
                .containsKey("visits")
                .doesNotContainKeys("visits.level.TOWNSHIP", "outpatient.primary-level-share");
    }

    @Test
    void records_of_institutions_outside_the_matrix_are_in_no_figure() {
        assertThat(report.delivery().atUnknownInstitutions()).isEqualTo(1);
        assertThat(report.count(PROVINCE, YEAR, "visits")).isEqualTo(10);
    }

    @Test
    void the_report_lists_the_broadest_scopes_first() {
        // all the care was in 湘潭市: 雨湖区 (central hospital) and 湘潭县 (the XTX members); scopes without figures are left out
        assertThat(report.scopes()).extracting(Scope::toString).containsExactly(
                "PROVINCE:430000", "CITY:430300", "COUNTY:430302", "COUNTY:430321", "ALLIANCE:XTX-YGT-01",
                "INSTITUTION:430302H0001", "INSTITUTION:430321H0001", "INSTITUTION:430321T0001", "INSTITUTION:430321V0001");
    }

    private static OutpatientVisitRecorded[] visits(InstitutionId at, int count) {
        OutpatientVisitRecorded[] visits = new OutpatientVisitRecorded[count];
        for (int i = 0; i < count; i++) {
            visits[i] = visit("visit " + i + " at " + at).at(at).build();
        }
        return visits;
    }
}

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.admission;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_CITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

class OracleCareIndicatorsTest {

    private static final Period YEAR = Period.ofYear(2025);

    @TempDir
    Path dir;

    @Test
    void catalogue_conformity_counts_catalogue_admissions_at_or_below_their_level() {
        OracleReport report = deliveries()
                // county hospital (COUNTY): pneumonia is a TOWNSHIP disease → above its level, not conforming
                .deliver(admission("pneumonia").at(COUNTY_HOSPITAL).diagnosedWith("J18.900").build())
                // cerebral infarction is a COUNTY disease → conforming; lung cancer a CITY one → at or below, conforming
                .deliver(admission("stroke").at(COUNTY_HOSPITAL).diagnosedWith("I63.900").build())
                .deliver(admission("lung cancer").at(COUNTY_HOSPITAL).diagnosedWith("C34.900").build())
                // appendicitis is not in the catalogue → in neither numerator nor denominator
                .deliver(admission("appendicitis").at(COUNTY_HOSPITAL).diagnosedWith("K35.800").build())
                // township centre (TOWNSHIP): pneumonia at its own level → conforming
                .deliver(admission("pneumonia near home").at(TOWNSHIP_CENTRE).diagnosedWith("J18.000").build())
                .throughTheOracle(dir);

        // county hospital 2 / 3; alliance (with the township centre) 3 / 4
        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), YEAR, "inpatient.catalogue-conformity-rate")).isEqualTo("0.666667");
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "inpatient.catalogue-conformity-rate"))
                .isEqualTo("0.750000");
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "admissions")).isEqualTo(4);
    }

    @Test
    void average_length_of_stay_and_cost_per_case_are_per_discharge() {
        OracleReport report = deliveries()
                .deliver(discharge("s-1").from(COUNTY_HOSPITAL).after(5).costing("6000.00", "4000.00").build())
                .deliver(discharge("s-2").from(COUNTY_HOSPITAL).after(8).costing("9000.00", "6000.00").build())
                .deliver(discharge("s-3").from(COUNTY_HOSPITAL).after(12).costing("13000.50", "9000.00").build())
                .throughTheOracle(dir);

        // (5 + 8 + 12) / 3 = 8.333… → 8.33 days; (6000.00 + 9000.00 + 13000.50) / 3 = 28000.50 / 3 = 9333.50
        FigureValue stay = report.figure(scopeOf(COUNTY_HOSPITAL), YEAR, "quality.average-length-of-stay").orElseThrow();
        assertThat(stay.numerator().amount()).isEqualTo(25);
        assertThat(stay.ratio()).isEqualTo("8.33");
        FigureValue cost = report.figure(scopeOf(COUNTY_HOSPITAL), YEAR, "quality.cost-per-inpatient-case").orElseThrow();
        assertThat(cost.numerator().toMoney()).isEqualTo(Events.yuan("28000.50"));
        assertThat(cost.ratio()).isEqualTo("9333.50");
    }

    @Test
    void outpatient_cost_per_visit_rounds_half_even_to_the_fen() {
        OracleReport report = deliveries()
                .deliver(visit("v-1").costing("50.00", "0.00").build())
                .deliver(visit("v-2").costing("60.00", "0.00").build())
                .deliver(visit("v-3").costing("70.01", "0.00").build())
                .throughTheOracle(dir);

        // 180.01 / 3 = 60.00333… → 60.00
        assertThat(report.ratio(scopeOf(TOWNSHIP_CENTRE), YEAR, "outpatient.cost-per-visit")).isEqualTo("60.00");
    }

    @Test
    void contracted_residents_visits_at_the_primary_level() {
        OracleReport report = deliveries()
                .deliver(visit("c-1").withContractedFamilyDoctor().at(TOWNSHIP_CENTRE).build())
                .deliver(visit("c-2").withContractedFamilyDoctor().at(TOWNSHIP_CENTRE).build())
                .deliver(visit("c-3").withContractedFamilyDoctor().at(COUNTY_HOSPITAL).build())
                .deliver(visit("not contracted").at(TOWNSHIP_CENTRE).build())
                .deliver(visit("c-4").withContractedFamilyDoctor().at(CENTRAL_HOSPITAL).build())
                .throughTheOracle(dir);

        // alliance members: 2 of 3 contracted visits at township level; city: 2 of 4
        assertThat(report.ratio(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "outpatient.contracted-primary-level-share"))
                .isEqualTo("0.666667");
        assertThat(report.ratio(XIANGTAN_CITY, YEAR, "outpatient.contracted-primary-level-share")).isEqualTo("0.500000");
    }
}

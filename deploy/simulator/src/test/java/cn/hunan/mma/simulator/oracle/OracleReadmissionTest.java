package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.admission;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.patient;
import static cn.hunan.mma.simulator.oracle.SmallHunan.CENTRAL_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Discharges from the county hospital on 1 March 2025 (CST), and what followed. */
class OracleReadmissionTest {

    private static final Period MARCH = Period.month(2025, 3);
    private static final String RATE = "quality.readmission-within-31-days-rate";

    @TempDir
    Path dir;

    @Test
    void readmission_on_day_31_counts_and_on_day_32_does_not() {
        OracleReport report = deliveries()
                .deliver(discharge("a out").of(patient("A")).on("2025-03-01T10:00").build())
                // 1 March + 31 days = 1 April (March has 31 days), at another hospital
                .deliver(admission("a back").of(patient("A")).at(CENTRAL_HOSPITAL).on("2025-04-01T09:00").build())
                .deliver(discharge("b out").of(patient("B")).on("2025-03-01T10:00").build())
                // 2 April is day 32
                .deliver(admission("b back").of(patient("B")).at(CENTRAL_HOSPITAL).on("2025-04-02T09:00").build())
                .throughTheOracle(dir);

        // 1 readmission of 2 index discharges, counted under the discharging hospital in the month of discharge
        FigureValue rate = report.figure(scopeOf(COUNTY_HOSPITAL), MARCH, RATE).orElseThrow();
        assertThat(rate.numerator().amount()).isEqualTo(1);
        assertThat(rate.denominator().amount()).isEqualTo(2);
        assertThat(rate.ratio()).isEqualTo("0.500000");
        assertThat(report.figure(scopeOf(CENTRAL_HOSPITAL), MARCH, RATE)).isEmpty();
    }

    @Test
    void a_readmission_arriving_before_the_discharge_it_follows_still_counts() {
        OracleReport report = deliveries()
                .deliver(admission("a back").of(patient("A")).on("2025-03-20T09:00").build())
                .deliver(discharge("a out").of(patient("A")).on("2025-03-01T10:00").build())
                .throughTheOracle(dir);

        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, RATE)).isEqualTo("1.000000");
    }

    @Test
    void transfers_and_deaths_are_not_index_discharges() {
        OracleReport report = deliveries()
                .deliver(discharge("c out").of(patient("C")).mode(DischargeMode.TRANSFERRED_TO_HOSPITAL).build())
                .deliver(admission("c elsewhere").of(patient("C")).at(CENTRAL_HOSPITAL).on("2025-03-06T15:00").build())
                .deliver(discharge("d died").of(patient("D")).mode(DischargeMode.DEATH).build())
                .deliver(discharge("e out").of(patient("E")).build())
                .throughTheOracle(dir);

        // only E's discharge can be followed by a readmission, and E did not come back
        FigureValue rate = report.figure(scopeOf(COUNTY_HOSPITAL), MARCH, RATE).orElseThrow();
        assertThat(rate.numerator().amount()).isZero();
        assertThat(rate.denominator().amount()).isEqualTo(1);
    }

    @Test
    void an_admission_booked_through_a_referral_is_planned_not_a_readmission() {
        OracleReport report = deliveries()
                .deliver(discharge("f out").of(patient("F")).on("2025-03-01T10:00").build())
                .deliver(admission("f referred").of(patient("F")).at(CENTRAL_HOSPITAL).on("2025-03-10T09:00")
                        .throughReferral("R-F").build())
                .throughTheOracle(dir);

        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, RATE)).isEqualTo("0.000000");
    }

    @Test
    void the_admission_that_began_the_stay_is_not_its_readmission() {
        // a same-day stay: admitted at 08:00, discharged at 18:00
        OracleReport report = deliveries()
                .deliver(admission("g in").of(patient("G")).on("2025-03-01T08:00").build())
                .deliver(discharge("g out").of(patient("G")).on("2025-03-01T18:00").after(0).build())
                .throughTheOracle(dir);

        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, RATE)).isEqualTo("0.000000");
    }

    @Test
    void a_corrected_admission_date_moves_the_readmission_out_of_the_window() {
        OracleReport report = deliveries()
                .deliver(discharge("a out").of(patient("A")).on("2025-03-01T10:00").build())
                .deliver(admission("a back").of(patient("A")).on("2025-03-20T09:00").build())
                .deliver(admission("a back corrected").of(patient("A")).on("2025-04-20T09:00").correcting("a back").build())
                .throughTheOracle(dir);

        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), MARCH, RATE)).isEqualTo("0.000000");
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), Period.ofYear(2025), "admissions")).isEqualTo(1);
    }
}

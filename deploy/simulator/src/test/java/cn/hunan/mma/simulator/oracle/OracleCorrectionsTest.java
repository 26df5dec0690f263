package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static cn.hunan.mma.simulator.oracle.Events.yuan;
import static cn.hunan.mma.simulator.oracle.SmallHunan.COUNTY_HOSPITAL;
import static cn.hunan.mma.simulator.oracle.SmallHunan.XIANGTAN_COUNTY_COMMUNITY;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

class OracleCorrectionsTest {

    private static final Period YEAR = Period.ofYear(2025);

    // The hospital first reports a stay costing 10000.00 (fund 7000.00), then corrects it to 8000.00 (fund 5600.00).
    private static final InpatientDischarged ORIGINAL = discharge("stay-1").costing("10000.00", "7000.00").build();
    private static final InpatientDischarged CORRECTION =
            discharge("stay-1 corrected").costing("8000.00", "5600.00").correcting("stay-1").build();
    // A second, uncorrected stay in the same hospital: 6000.00, fund 4000.00 (the defaults).
    private static final InpatientDischarged OTHER_STAY = discharge("stay-2").build();

    @TempDir
    Path dir;

    @Test
    void a_correction_replaces_the_cost_of_the_discharge_it_names() {
        OracleReport report = deliveries().deliver(ORIGINAL, OTHER_STAY, CORRECTION).throughTheOracle(dir);

        assertCorrectedFigures(report);
        assertThat(report.delivery().supersededAfterCounting()).isEqualTo(1);
    }

    @Test
    void a_correction_arriving_before_its_original_still_wins() {
        OracleReport report = deliveries().deliver(CORRECTION, OTHER_STAY, ORIGINAL).throughTheOracle(dir);

        assertCorrectedFigures(report);
        assertThat(report.delivery().supersededBeforeArrival()).isEqualTo(1);
        assertThat(report.delivery().supersededAfterCounting()).isZero();
    }

    @Test
    void corrections_of_corrections_chain_to_the_newest_in_any_arrival_order() {
        InpatientDischarged second = discharge("stay-1 corrected again").costing("9000.00", "6300.00")
                .correcting("stay-1 corrected").build();

        OracleReport report = deliveries().deliver(second, ORIGINAL, OTHER_STAY, CORRECTION).throughTheOracle(dir);

        // only the newest of the chain counts: 9000.00 + 6000.00 over 2 cases = 7500.00 per case
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "discharges")).isEqualTo(2);
        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), YEAR, "quality.cost-per-inpatient-case")).isEqualTo("7500.00");
        assertThat(report.money(scopeOf(COUNTY_HOSPITAL), YEAR, "fund-paid")).isEqualTo(yuan("10300.00"));
    }

    @Test
    void a_duplicated_correction_replaces_once() {
        OracleReport report = deliveries().deliver(ORIGINAL, CORRECTION, OTHER_STAY, CORRECTION).throughTheOracle(dir);

        assertCorrectedFigures(report);
        assertThat(report.delivery().duplicatesIgnored()).isEqualTo(1);
    }

    @Test
    void a_correction_can_move_a_discharge_into_another_month() {
        InpatientDischarged redated = discharge("stay-1 redated").on("2025-04-02T10:00").correcting("stay-1").build();

        OracleReport report = deliveries().deliver(ORIGINAL, redated).throughTheOracle(dir);

        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), Period.month(2025, 3), "discharges")).isZero();
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), Period.month(2025, 4), "discharges")).isEqualTo(1);
    }

    private static void assertCorrectedFigures(OracleReport report) {
        // two stays: 8000.00 (corrected) + 6000.00 = 14000.00 over 2 cases = 7000.00 per case;
        // the fund paid 5600.00 + 4000.00 = 9600.00 — the original 10000.00 / 7000.00 is gone
        assertThat(report.count(scopeOf(COUNTY_HOSPITAL), YEAR, "discharges")).isEqualTo(2);
        assertThat(report.ratio(scopeOf(COUNTY_HOSPITAL), YEAR, "quality.cost-per-inpatient-case")).isEqualTo("7000.00");
        assertThat(report.money(scopeOf(COUNTY_HOSPITAL), YEAR, "fund-paid")).isEqualTo(yuan("9600.00"));
        assertThat(report.money(scopeOf(XIANGTAN_COUNTY_COMMUNITY), YEAR, "residents.fund-paid")).isEqualTo(yuan("9600.00"));
    }
}

package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.Events.yuan;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

class OracleDuplicatesTest {

    private static final Period YEAR = Period.ofYear(2025);

    @TempDir
    Path dir;

    @Test
    void a_visit_delivered_twice_counts_once() {
        OutpatientVisitRecorded visit = visit("visit-1").costing("50.00", "30.00").build();
        OutpatientVisitRecorded other = visit("visit-2").costing("80.00", "45.00").build();

        OracleReport report = deliveries().deliver(visit, other, visit).throughTheOracle(dir);

        // two distinct visits; the fund paid 30.00 + 45.00 once each
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(2);
        assertThat(report.money(scopeOf(TOWNSHIP_CENTRE), YEAR, "fund-paid")).isEqualTo(yuan("75.00"));
        assertThat(report.delivery().duplicatesIgnored()).isEqualTo(1);
        assertThat(report.delivery().conflictingDuplicates()).isZero();
    }

    @Test
    void the_first_arrival_wins_when_a_later_record_reuses_its_event_id() {
        OutpatientVisitRecorded first = visit("visit-1").costing("50.00", "30.00").build();
        OutpatientVisitRecorded sameIdOtherContent = visit("visit-1").costing("500.00", "300.00").build();

        OracleReport report = deliveries().deliver(first, sameIdOtherContent).throughTheOracle(dir);

        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(1);
        assertThat(report.money(scopeOf(TOWNSHIP_CENTRE), YEAR, "fund-paid")).isEqualTo(yuan("30.00"));
        assertThat(report.delivery().duplicatesIgnored()).isEqualTo(1);
        assertThat(report.delivery().conflictingDuplicates()).isEqualTo(1);
    }

    @Test
    void a_duplicate_arriving_much_later_and_in_another_month_still_counts_once() {
        OutpatientVisitRecorded march = visit("visit-1").on("2025-03-31T23:59").build();

        OracleReport report = deliveries()
                .deliver(march)
                .deliver(visit("visit-2").on("2025-04-02T09:00").build())
                .deliver(march)
                .throughTheOracle(dir);

        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.month(2025, 3), "visits")).isEqualTo(1);
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.month(2025, 4), "visits")).isEqualTo(1);
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), YEAR, "visits")).isEqualTo(2);
    }
}

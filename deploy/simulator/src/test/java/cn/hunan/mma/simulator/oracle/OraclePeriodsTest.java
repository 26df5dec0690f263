package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static cn.hunan.mma.simulator.oracle.Deliveries.deliveries;
import static cn.hunan.mma.simulator.oracle.Events.visit;
import static cn.hunan.mma.simulator.oracle.SmallHunan.TOWNSHIP_CENTRE;
import static cn.hunan.mma.simulator.oracle.SmallHunan.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Periods are China Standard Time, whatever offset the instant was written with. */
class OraclePeriodsTest {

    @TempDir
    Path dir;

    private OracleReport report;

    @BeforeEach
    void visits_around_mid_year_and_new_year() {
        report = deliveries()
                .deliver(visit("last half hour of June").on("2025-06-30T23:30").build())
                // 16:30 UTC on 30 June is 00:30 on 1 July in Shanghai
                .deliver(visit("first hour of July").on(Instant.parse("2025-06-30T16:30:00Z")).build())
                .deliver(visit("new year's eve").on("2025-12-31T23:59").build())
                // 16:10 UTC on 31 December 2025 is already 2026 in Shanghai
                .deliver(visit("new year's morning").on(Instant.parse("2025-12-31T16:10:00Z")).build())
                .throughTheOracle(dir);
    }

    @Test
    void an_event_at_half_past_eleven_on_30_june_in_shanghai_is_in_the_first_half() {
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.halfYear(2025, 1), "visits")).isEqualTo(1);
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.month(2025, 6), "visits")).isEqualTo(1);
    }

    @Test
    void an_event_on_30_june_utc_that_is_1_july_in_shanghai_is_in_the_second_half() {
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.month(2025, 7), "visits")).isEqualTo(1);
        // July and new year's eve
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.halfYear(2025, 2), "visits")).isEqualTo(2);
    }

    @Test
    void years_are_shanghai_years() {
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.ofYear(2025), "visits")).isEqualTo(3);
        assertThat(report.count(scopeOf(TOWNSHIP_CENTRE), Period.ofYear(2026), "visits")).isEqualTo(1);
    }

    @Test
    void the_report_lists_each_year_then_its_halves_then_its_months() {
        assertThat(report.periods(scopeOf(TOWNSHIP_CENTRE))).extracting(Period::toString).containsExactly(
                "2025", "2025-H1", "2025-H2", "2025-06", "2025-07", "2025-12",
                "2026", "2026-H1", "2026-01");
    }
}

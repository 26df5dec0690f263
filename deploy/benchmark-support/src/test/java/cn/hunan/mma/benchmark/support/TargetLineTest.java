package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetLineTest {

    @Test
    void passes_at_the_limit_and_misses_above_it() {
        assertThat(TargetLine.atMost("p99", 10, 10.0, "ms").verdict()).isEqualTo(TargetLine.Verdict.PASS);
        assertThat(TargetLine.atMost("p99", 10, 10.01, "ms").verdict()).isEqualTo(TargetLine.Verdict.MISS);
        assertThat(TargetLine.atMost("errors", 0, 1, "").verdict()).isEqualTo(TargetLine.Verdict.MISS);
    }

    @Test
    void says_when_nothing_was_measured() {
        assertThat(TargetLine.atMost("freshness", 1000, Double.NaN, "ms").verdict()).isEqualTo(TargetLine.Verdict.NOT_MEASURED);
    }

    @Test
    void the_table_shows_goal_measurement_and_verdict_per_line() {
        String table = SummaryTable.text(List.of(TargetLine.atMost("service RSS peak (VmHWM)", 512, 600.5, "MiB")));

        assertThat(table).contains("≤ 512 MiB").contains("600.50 MiB").contains("MISS");
    }
}

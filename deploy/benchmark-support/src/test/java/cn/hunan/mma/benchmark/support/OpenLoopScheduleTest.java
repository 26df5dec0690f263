package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTest {

    @Test
    void spaces_requests_evenly_from_the_start_whatever_happened_before() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(1_000_000L, 2000, 0, 1);

        // 2,000/s → one request every 500 µs.
        assertThat(schedule.dueNanos(0)).isEqualTo(1_000_000L);
        assertThat(schedule.dueNanos(1)).isEqualTo(1_500_000L);
        assertThat(schedule.dueNanos(2000)).isEqualTo(1_001_000_000L);
    }

    @Test
    void measures_only_after_the_warm_up_requests() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 100, 2, 5);

        assertThat(schedule.warmupRequests()).isEqualTo(200);
        assertThat(schedule.totalRequests()).isEqualTo(700);
        assertThat(schedule.measured(199)).isFalse();
        assertThat(schedule.measured(200)).isTrue();
        assertThat(schedule.measuredRequests()).isEqualTo(500);
        assertThat(schedule.measuredSeconds()).isEqualTo(5.0);
    }

    @Test
    void keeps_fractional_intervals_without_drift() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 3, 0, 10);

        // 1/3 s apart: request 3 is due at exactly 1 s, not 3 × 333,333,333 ns.
        assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void refuses_a_rate_of_zero() {
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

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
    void a_slower_warm_up_hands_over_to_the_measured_rate_at_its_end() {
        // 10 s of warm-up at 100/s (1,000 requests, 10 ms apart), then 2 s at 500/s (1,000 requests, 2 ms apart).
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 100, 10, 500, 2);

        assertThat(schedule.warmupRequests()).isEqualTo(1_000);
        assertThat(schedule.totalRequests()).isEqualTo(2_000);
        assertThat(schedule.dueNanos(999)).isEqualTo(9_990_000_000L);
        assertThat(schedule.measuredStartNanos()).isEqualTo(10_000_000_000L);
        assertThat(schedule.dueNanos(1_000)).isEqualTo(10_000_000_000L);
        assertThat(schedule.dueNanos(1_001)).isEqualTo(10_002_000_000L);
        assertThat(schedule.dueNanos(1_999)).isEqualTo(11_998_000_000L);
        assertThat(schedule.measuredSeconds()).isEqualTo(2.0);
    }

    @Test
    void refuses_a_rate_of_zero() {
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1, 100, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

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
    void the_warm_up_rises_linearly_to_the_measured_rate_and_hands_over_at_its_end() {
        // 10 s rising from 100/s to 500/s: 3,000 requests (the mean rate, 300/s, for 10 s); n(t) = 100·t + 20·t².
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 100, 10, 500, 2);

        assertThat(schedule.warmupRequests()).isEqualTo(3_000);
        assertThat(schedule.totalRequests()).isEqualTo(4_000);
        assertThat(schedule.dueNanos(120)).isEqualTo(1_000_000_000L);    // 100 + 20 requests in the first second
        assertThat(schedule.dueNanos(1_000)).isEqualTo(5_000_000_000L);  // 500 + 500 by 5 s
        assertThat(schedule.measuredStartNanos()).isEqualTo(10_000_000_000L);
        assertThat(schedule.dueNanos(3_000)).isEqualTo(10_000_000_000L);
        assertThat(schedule.dueNanos(3_001)).isEqualTo(10_002_000_000L);  // then 500/s, 2 ms apart
        assertThat(schedule.dueNanos(3_999)).isEqualTo(11_998_000_000L);
        assertThat(schedule.measuredSeconds()).isEqualTo(2.0);
    }

    @Test
    void a_warm_up_at_the_measured_rate_is_evenly_spaced_like_the_window() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 200, 5, 200, 1);

        assertThat(schedule.warmupRequests()).isEqualTo(1_000);
        assertThat(schedule.dueNanos(1)).isEqualTo(5_000_000L);
        assertThat(schedule.dueNanos(999)).isEqualTo(4_995_000_000L);
        assertThat(schedule.dueNanos(1_000)).isEqualTo(5_000_000_000L);
    }

    @Test
    void refuses_a_rate_of_zero() {
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1, 100, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

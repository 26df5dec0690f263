package cn.hunan.mma.simulator.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the pacer with a fake clock: waiting advances time, so nothing really waits. */
class OpenLoopPacerTest {

    private long now = 1_000_000_000L;

    @Test
    void each_record_is_released_no_earlier_than_its_wall_clock_slot() {
        List<Long> parks = new ArrayList<>();
        OpenLoopPacer pacer = new OpenLoopPacer(1_000, () -> now, nanos -> {
            parks.add(nanos);
            now += nanos;
        });
        long start = now;
        for (long record = 0; record < 50; record++) {
            pacer.awaitSlot(record);
            assertThat(now - start).isGreaterThanOrEqualTo(record * 1_000_000L - 50_000L);
        }
        assertThat(now - start).isBetween(49_000_000L - 50_000L, 49_000_000L);
        assertThat(parks).hasSize(49);
        assertThat(pacer.maxLagMillis()).isLessThan(0.1);
    }

    @Test
    void a_sender_that_falls_behind_catches_up_without_waiting_and_reports_its_lag() {
        List<Long> parks = new ArrayList<>();
        OpenLoopPacer pacer = new OpenLoopPacer(1_000, () -> now, nanos -> {
            parks.add(nanos);
            now += nanos;
        });
        now += 20_000_000L; // the sender stalled for 20 ms before its first send
        for (long record = 0; record < 10; record++) {
            pacer.awaitSlot(record);
        }
        assertThat(parks).isEmpty();
        assertThat(pacer.maxLagMillis()).isEqualTo(20.0);
    }

    @Test
    void full_speed_never_waits() {
        List<Long> parks = new ArrayList<>();
        OpenLoopPacer pacer = new OpenLoopPacer(0, () -> now, parks::add);
        for (long record = 0; record < 1_000; record++) {
            pacer.awaitSlot(record);
        }
        assertThat(parks).isEmpty();
    }
}

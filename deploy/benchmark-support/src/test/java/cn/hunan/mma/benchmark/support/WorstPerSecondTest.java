package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorstPerSecondTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void keeps_the_worst_latency_of_each_second_counted_from_the_first() {
        WorstPerSecond worst = new WorstPerSecond();
        long start = 100 * SECOND + 300_000_000L;   // 100.3 s on the nanoTime scale

        worst.record(start, 4_000);
        worst.record(start + 100_000_000L, 9_500);   // same second (100), worse
        worst.record(start + SECOND, 2_000);         // second 101
        worst.record(start + 3 * SECOND, 240_000);   // second 103: a stall

        assertThat(worst.millisBySecond()).isEqualTo(Map.of(0L, 9L, 1L, 2L, 3L, 240L));
        assertThat(worst.line("worst")).isEqualTo("worst: 0:9 1:2 3:240");
    }

    @Test
    void says_nothing_when_nothing_was_recorded() {
        assertThat(new WorstPerSecond().line("worst")).isEmpty();
    }
}

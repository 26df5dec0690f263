package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.benchmark.support.TargetLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rates are counted from the last sample without progress (the JVM's start is not the service's work). */
class DrainTest {

    private static final long SECOND = 1_000_000_000L;

    private static SettlementProgress.Sample at(long seconds, long settled, long published) {
        return new SettlementProgress.Sample(seconds * SECOND, settled, published, 0);
    }

    @Test
    void rates_run_from_the_first_progress_to_the_sample_that_reaches_the_backlog() {
        Drain drain = new Drain(2_000, List.of(at(0, 0, 0), at(1, 0, 0), at(2, 1_000, 0), at(3, 2_000, 1_000), at(4, 2_000, 2_000)));

        assertThat(drain.settledSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(drain.settledRate()).isCloseTo(1_000.0, within(1e-6));
        assertThat(drain.publishedRate()).isCloseTo(2_000 / 3.0, within(1e-6));
        // 10% (200) first seen at 2 s with 1,000 settled, 90% (1,800) at 3 s with 2,000: 1,000 in 1 s.
        assertThat(drain.steadySettledRate()).isCloseTo(1_000.0, within(1e-6));
    }

    @Test
    void a_backlog_never_published_has_no_published_rate() {
        Drain drain = new Drain(10, List.of(at(0, 0, 0), at(1, 10, 0)));

        assertThat(drain.publishedRate()).isNaN();
        assertThat(SettlementBenchmark.atLeast("x", 100, drain.publishedRate()).verdict())
                .isEqualTo(TargetLine.Verdict.NOT_MEASURED);
    }

    @Test
    void the_backlog_is_drained_once_settled_and_published_but_for_versions_replaced_in_their_own_batch() {
        // 2,000 discharges, 2 of them corrections: at most 2 originals replaced in their corrections' batches, never
        // announced. Settled but 1,997 published: not out yet. 1,998 published and still moving: not yet; 1,998 twice: out.
        assertThat(Drain.drained(at(5, 2_000, 1_997), at(4, 2_000, 1_990), 2_000, 2)).isFalse();
        assertThat(Drain.drained(at(5, 2_000, 1_998), at(4, 2_000, 1_997), 2_000, 2)).isFalse();
        assertThat(Drain.drained(at(6, 2_000, 1_998), at(5, 2_000, 1_998), 2_000, 2)).isTrue();
        // Every one published: out at once. Not all settled: never.
        assertThat(Drain.drained(at(5, 2_000, 2_000), at(4, 2_000, 1_990), 2_000, 2)).isTrue();
        assertThat(Drain.drained(at(6, 1_999, 1_999), at(5, 1_999, 1_999), 2_000, 2)).isFalse();
    }
}

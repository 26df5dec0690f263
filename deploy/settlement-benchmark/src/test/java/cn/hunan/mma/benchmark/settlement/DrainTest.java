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
}

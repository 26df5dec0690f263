package cn.hunan.mma.benchmark.support;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void reports_percentiles_of_microsecond_recordings_in_milliseconds() {
        Histogram micros = new Histogram(60_000_000L, 3);
        // 990 fast answers of 2 ms, 9 of 20 ms, one of 500 ms: p50 2 ms, p99 2 ms (the 990th), p99.9 20 ms, max 500 ms.
        micros.recordValueWithCount(2_000, 990);
        micros.recordValueWithCount(20_000, 9);
        micros.recordValue(500_000);

        LatencySummary summary = LatencySummary.ofMicros(micros);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Millis()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p99Millis()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p999Millis()).isCloseTo(20.0, within(0.05));
        assertThat(summary.maxMillis()).isCloseTo(500.0, within(0.5));
    }

    @Test
    void an_empty_histogram_has_no_percentiles() {
        assertThat(LatencySummary.ofMicros(new Histogram(3)).p99Millis()).isNaN();
    }
}

package cn.hunan.mma.referral.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings the no-show job cannot run on stop the service at startup, naming the setting. */
class NoShowRuleTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HALF_MINUTE = Duration.ofSeconds(30);

    @Test
    void a_grace_of_zero_or_less_is_refused() {
        assertThatThrownBy(() -> new NoShowRule(Duration.ZERO, 100, HALF_MINUTE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.no-show-grace must be positive, was PT0S");
        assertThatThrownBy(() -> new NoShowRule(Duration.ofHours(-1), 100, HALF_MINUTE))
                .hasMessage("mma.referral.no-show-grace must be positive, was PT-1H");
    }

    @Test
    void a_batch_size_below_one_is_refused() {
        assertThatThrownBy(() -> new NoShowRule(DAY, 0, HALF_MINUTE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.no-show-batch-size must be at least 1, was 0");
    }

    @Test
    void a_lock_timeout_of_zero_is_refused() {
        // PostgreSQL reads a lock_timeout of 0 as "wait for ever": the very thing the setting is there to prevent.
        assertThatThrownBy(() -> new NoShowRule(DAY, 100, Duration.ZERO))
                .hasMessage("mma.referral.no-show-lock-timeout must be at least 1 ms (PT0.001S), was PT0S");
    }

    /** SET LOCAL lock_timeout takes whole milliseconds: half of one went as '0', the timeout turned off. */
    @Test
    void a_lock_timeout_under_a_millisecond_is_refused() {
        assertThatThrownBy(() -> new NoShowRule(DAY, 100, Duration.ofNanos(500_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.no-show-lock-timeout must be at least 1 ms (PT0.001S), was PT0.0005S");
        assertThatThrownBy(() -> new NoShowRule(DAY, 100, Duration.ofSeconds(-30)))
                .hasMessage("mma.referral.no-show-lock-timeout must be at least 1 ms (PT0.001S), was PT-30S");
    }

    /** Cancelled at the job timeout first, a no-show never saw its lock error: nothing was passed by (helper-113). */
    @Test
    void a_lock_timeout_longer_than_half_the_job_timeout_is_refused() {
        NoShowRule fiveMinutes = new NoShowRule(DAY, 100, Duration.ofMinutes(5));

        assertThatThrownBy(() -> fiveMinutes.within(Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.no-show-lock-timeout (PT5M) must be at most half of mma.referral.job-timeout (PT5M)");
        assertThatThrownBy(() -> fiveMinutes.within(Duration.ofMinutes(9)))
                .hasMessage("mma.referral.no-show-lock-timeout (PT5M) must be at most half of mma.referral.job-timeout (PT9M)");
        assertThat(fiveMinutes.within(Duration.ofMinutes(10))).isSameAs(fiveMinutes);
        // The defaults: 30 s against 5 min.
        assertThat(new NoShowRule(DAY, 100, HALF_MINUTE).within(Duration.ofMinutes(5)).lockTimeout()).isEqualTo(HALF_MINUTE);
    }

    @Test
    void the_smallest_workable_values_are_kept() {
        NoShowRule rule = new NoShowRule(Duration.ofMillis(1), 1, Duration.ofMillis(1));

        assertThat(rule.grace()).isEqualTo(Duration.ofMillis(1));
        assertThat(rule.batchSize()).isEqualTo(1);
        assertThat(rule.lockTimeout()).isEqualTo(Duration.ofMillis(1));
    }
}

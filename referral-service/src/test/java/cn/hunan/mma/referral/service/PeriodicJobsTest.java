package cn.hunan.mma.referral.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A run that never ends (a statement waiting for good on a row lock) no longer stops its job: it is failed after the
 * job timeout and the next tick runs the job again. Ticks every 20 ms, a timeout of 300 ms: about 14 ticks are skipped
 * per run, and logged once.
 */
class PeriodicJobsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final String SKIPPED = "the previous run is still going";

    private final Vertx vertx = Vertx.vertx();
    private final Logger log = Logger.getLogger(PeriodicJobs.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void close() {
        log.removeHandler(capture);
        vertx.closeAndAwait();
    }

    @Test
    void a_run_that_never_ends_is_failed_after_the_timeout_and_the_job_runs_again_never_overlapping() {
        log.addHandler(capture);
        List<Long> starts = new CopyOnWriteArrayList<>();
        new PeriodicJobs(vertx, TIMEOUT).every("a setting", Duration.ofMillis(20), "a stuck job", () -> {
            starts.add(System.nanoTime());
            return Uni.createFrom().nothing();
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> starts.size() >= 3);
        vertx.closeAndAwait(); // no more ticks: the counts below stay put

        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThanOrEqualTo(TIMEOUT);
        }
        // One skipped-ticks warning per run that was still going at a tick (every run but perhaps the last).
        long skipWarnings = warnings.stream().filter(message -> message.contains(SKIPPED)).count();
        assertThat(skipWarnings).isBetween(starts.size() - 1L, (long) starts.size());
    }

    @Test
    void a_timeout_of_zero_is_refused() {
        assertThatThrownBy(() -> new PeriodicJobs(vertx, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.job-timeout must be positive, was PT0S");
    }

    /** Vert.x refuses a period under 1 ms without naming the setting; a positive one under 1 ms rounded down to it. */
    @Test
    void an_interval_under_a_millisecond_is_refused_naming_its_setting() {
        PeriodicJobs jobs = new PeriodicJobs(vertx, TIMEOUT);

        assertThatThrownBy(() -> jobs.every("mma.referral.no-show-check-interval", Duration.ZERO, "a job",
                () -> Uni.createFrom().voidItem())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mma.referral.no-show-check-interval must be at least 1 ms (PT0.001S), was PT0S");
        assertThatThrownBy(() -> jobs.every("mma.referral.release-check-interval", Duration.ofNanos(500_000), "a job",
                () -> Uni.createFrom().voidItem()))
                .hasMessage("mma.referral.release-check-interval must be at least 1 ms (PT0.001S), was PT0.0005S");
        assertThatThrownBy(() -> jobs.every("mma.referral.release-check-interval", Duration.ofMinutes(-1), "a job",
                () -> Uni.createFrom().voidItem()))
                .hasMessage("mma.referral.release-check-interval must be at least 1 ms (PT0.001S), was PT-1M");
    }
}

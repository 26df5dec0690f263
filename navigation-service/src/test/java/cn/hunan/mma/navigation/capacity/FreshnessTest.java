package cn.hunan.mma.navigation.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommender's allocation-free staleness and age agree with the {@link Freshness} the API shows.
 * Here the feed was last heard at the update itself, so silence and age are the same span.
 */
class FreshnessTest {

    private static final Instant UPDATED = Instant.parse("2025-03-14T01:00:00.500Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @ParameterizedTest(name = "read {0} after the update")
    @CsvSource({
            "PT0S, false, 0",
            "PT59.999999999S, false, 0",
            "PT1M, false, 1",
            "PT4M59.999S, false, 4",
            "PT5M, false, 5",             // exactly the threshold: not yet stale
            "PT5M0.000000001S, true, 5",  // one nanosecond past it
            "PT5M0.6S, true, 5",          // the nanoseconds borrow across a second boundary
            "PT1H, true, 60",
            "-PT3M, false, 0",            // the hospital's clock ran ahead: age zero
            "-PT0.2S, false, 0",
    })
    void agree_with_the_freshness_built_for_the_api(Duration sinceUpdate, boolean stale, long minutes) {
        Instant now = UPDATED.plus(sinceUpdate);
        Freshness shown = Freshness.of(UPDATED, UPDATED.toEpochMilli(), now, FIVE_MINUTES);

        assertThat(shown.stale()).isEqualTo(stale);
        assertThat(shown.age().toMinutes()).isEqualTo(minutes);
        assertThat(Freshness.isStale(UPDATED, now, FIVE_MINUTES)).isEqualTo(stale);
        assertThat(Freshness.isSilent(UPDATED.toEpochMilli(), now, FIVE_MINUTES)).isEqualTo(stale);
        assertThat(Freshness.ageMinutes(UPDATED, now)).isEqualTo(minutes);
    }

    @ParameterizedTest
    @CsvSource({"PT0.4S, PT0.3S, true", "PT0.4S, PT0.4S, false", "PT0.4S, PT0.5S, false"})
    void a_threshold_with_nanoseconds_is_compared_to_the_nanosecond(Duration age, Duration staleAfter, boolean stale) {
        Freshness shown = Freshness.of(UPDATED, UPDATED.toEpochMilli(), UPDATED.plus(age), staleAfter);

        assertThat(shown.stale()).isEqualTo(stale);
        assertThat(Freshness.isStale(UPDATED, UPDATED.plus(age), staleAfter)).isEqualTo(stale);
    }

    @ParameterizedTest(name = "feed silent {0}, figure {1} old")
    @CsvSource({"PT4M, PT3H, false", "PT5M0.001S, PT5M0.001S, true", "PT5M0.001S, PT1M, true"})
    void staleness_is_the_feeds_silence_not_the_figures_age(Duration silence, Duration age, boolean stale) {
        Instant now = UPDATED.plus(age);

        Freshness shown = Freshness.of(UPDATED, now.minus(silence).toEpochMilli(), now, FIVE_MINUTES);

        assertThat(shown.stale()).isEqualTo(stale);
        assertThat(shown.age()).isEqualTo(age);
    }

    @Test
    void a_feed_never_heard_from_is_silent() {
        assertThat(Freshness.isSilent(FeedLiveness.NEVER, UPDATED, FIVE_MINUTES)).isTrue();
    }
}

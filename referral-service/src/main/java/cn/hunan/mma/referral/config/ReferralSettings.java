package cn.hunan.mma.referral.config;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.referral.domain.ReviewPolicy;
import cn.hunan.mma.referral.domain.ReservedShare;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The referral rules an area sets locally. */
@ConfigMapping(prefix = "mma.referral")
public interface ReferralSettings {

    /** Prefecture codes (e.g. 430300) whose referrals wait for the platform's approval before the receiver acts. */
    Optional<Set<String>> reviewRequiredCities();

    /** How long before a session opens its unused reserved slots go to the public. */
    @WithDefault("PT12H")
    Duration releaseLeadTime();

    /** How often the release job looks for sessions that are due (at least 1 ms: a Vert.x timer's period). */
    @WithDefault("PT1M")
    Duration releaseCheckInterval();

    /**
     * How far a schedule's times may lie behind the service's clock and still count as not yet begun or past: the
     * client's clock and the service's may differ a little.
     */
    @WithDefault("PT5M")
    Duration scheduleClockTolerance();

    /**
     * How long after a scheduled referral's appointment the platform records the no-show the receiver has not recorded,
     * giving its slot or bed back: the patient may come late that day, and the receiver records arrival, no-show or
     * cancellation itself within it.
     */
    @WithDefault("PT24H")
    Duration noShowGrace();

    /**
     * How often the platform looks for referrals past their grace period (at least 1 ms: a Vert.x timer's period). Each
     * look reads the scheduled referrals whose appointment is overdue through an index of their own (V8; one on status
     * would cost every transition its HOT update).
     */
    @WithDefault("PT10M")
    Duration noShowCheckInterval();

    /** How many overdue referrals one read of a look takes; each is recorded in a transaction of its own. */
    @WithDefault("100")
    int noShowBatchSize();

    /**
     * How long one no-show transaction waits for a row lock (its capacity row, its referral row) before it gives up
     * and the referral is tried again at the next look: a transition holds them for milliseconds, so a longer wait
     * means a session is stuck holding one, and the job must not stay stuck (and keep a pooled connection) with it.
     * At least 1 ms ({@code lock_timeout} takes whole milliseconds, and 0 turns it off). A look passes by the other
     * referrals giving back to a pool row that outlasted it, until its next look.
     */
    @WithDefault("PT30S")
    Duration noShowLockTimeout();

    /**
     * How long one run of a periodic job may take before it is failed, so that the job's next tick runs again (a tick
     * is skipped while the previous run is still going).
     */
    @WithDefault("PT5M")
    Duration jobTimeout();

    /** The rule the platform's no-shows follow, checked once at startup ({@link NoShowRule}). */
    default NoShowRule noShowRule() {
        return new NoShowRule(noShowGrace(), noShowBatchSize(), noShowLockTimeout()).within(jobTimeout());
    }

    /** The share of expert slots and beds held for referrals. */
    Reserve reservedShare();

    interface Reserve {
        /** Used where the city sets none. */
        @WithDefault("0.20")
        BigDecimal defaultShare();

        /** Per prefecture code, e.g. {@code mma.referral.reserved-share.by-city."430100"=0.25}. */
        Map<String, BigDecimal> byCity();
    }

    default ReservedShare share() {
        return new ReservedShare(reservedShare().defaultShare(), reservedShare().byCity());
    }

    default ReviewPolicy reviewPolicy() {
        return new ReviewPolicy(reviewRequiredCities().orElse(Set.of()).stream()
                .map(DivisionCode::of).collect(Collectors.toSet()));
    }
}

package cn.hunan.mma.referral.config;

import java.time.Duration;

/**
 * When and how the platform records the no-shows receivers have not recorded ({@code service.MissedAppointments}).
 * Built from the settings when the job starts, so a value the job cannot run on stops the service at startup, naming
 * the setting (since 2026-11-25 (7)): a grace of zero or less would record a no-show at the appointment itself (or
 * before it), and a batch size below 1 would read nothing at all, or fail on a negative {@code limit}. A lock timeout
 * under 1 ms is refused too (since 2026-11-25 (8)): it reached PostgreSQL as {@code '0'}, which turns the timeout off.
 *
 * @param grace       how long after its appointment a SCHEDULED referral's no-show is recorded
 * @param batchSize   how many overdue referrals one read takes
 * @param lockTimeout how long one no-show transaction waits for a row lock
 */
public record NoShowRule(Duration grace, int batchSize, Duration lockTimeout) {

    public NoShowRule {
        requirePositive("mma.referral.no-show-grace", grace);
        // Sent as whole milliseconds to SET LOCAL lock_timeout, where 0 means no timeout at all.
        WholeMilliseconds.require("mma.referral.no-show-lock-timeout", lockTimeout);
        if (batchSize < 1) {
            throw new IllegalArgumentException("mma.referral.no-show-batch-size must be at least 1, was " + batchSize);
        }
    }

    /**
     * This rule, if one lock wait fits in a run of the job ({@code mma.referral.job-timeout}) with room to spare: a run
     * is failed at the job timeout, so with a lock timeout as long the lock error never came back, no row was found
     * locked, and each look moved on by one referral behind a stuck session (helper-113's review, 2026-11-25 (8)). At
     * most half the job timeout, so a run meets at least two stuck rows and still moves on.
     */
    public NoShowRule within(Duration jobTimeout) {
        if (lockTimeout.multipliedBy(2).compareTo(jobTimeout) > 0) {
            throw new IllegalArgumentException("mma.referral.no-show-lock-timeout (" + lockTimeout
                    + ") must be at most half of mma.referral.job-timeout (" + jobTimeout + ")");
        }
        return this;
    }

    private static void requirePositive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, was " + value);
        }
    }
}

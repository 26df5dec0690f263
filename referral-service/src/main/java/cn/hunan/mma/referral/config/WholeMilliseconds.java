package cn.hunan.mma.referral.config;

import java.time.Duration;

/**
 * Settings that reach their user in whole milliseconds: a Vert.x timer's period ({@code setPeriodic} refuses 0 with a
 * message that names no setting) and PostgreSQL's {@code lock_timeout} (where 0 turns the timeout off: an unbounded
 * wait). A positive value under 1 ms rounds down to 0 on the way, so it is refused as zero is, at startup, naming the
 * setting (since 2026-11-25 (8)).
 */
public final class WholeMilliseconds {

    private WholeMilliseconds() {
    }

    /** {@code value} when it is at least 1 ms; otherwise an {@link IllegalArgumentException} naming {@code setting}. */
    public static Duration require(String setting, Duration value) {
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1 ms (PT0.001S), was " + value);
        }
        return value;
    }
}

package cn.hunan.mma.navigation.capacity;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a figure is when it is read.
 *
 * @param updatedAt when the latest fact behind the figure happened (its event's {@code occurredAt})
 * @param age       from {@code updatedAt} to the moment of the query; zero if a hospital clock ran ahead
 * @param stale     the age is past the view's threshold: show the figure, but do not promise it
 */
public record Freshness(Instant updatedAt, Duration age, boolean stale) {

    static Freshness of(Instant updatedAt, Instant now, Duration staleAfter) {
        Duration age = ageOf(updatedAt, now);
        return new Freshness(updatedAt, age, age.compareTo(staleAfter) > 0);
    }

    /**
     * Whether a figure is stale, as {@link #of} decides it, without building the age: the
     * recommender asks this for every department near the patient on every request.
     */
    static boolean isStale(Instant updatedAt, Instant now, Duration staleAfter) {
        long seconds = now.getEpochSecond() - updatedAt.getEpochSecond();
        int nanos = now.getNano() - updatedAt.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        }
        if (seconds < 0) { // the hospital's clock ran ahead: age zero
            seconds = 0;
            nanos = 0;
        }
        return seconds > staleAfter.getSeconds() || seconds == staleAfter.getSeconds() && nanos > staleAfter.getNano();
    }

    /** Whole minutes of the age, as {@code of(...).age().toMinutes()}. */
    static long ageMinutes(Instant updatedAt, Instant now) {
        long seconds = now.getEpochSecond() - updatedAt.getEpochSecond();
        if (now.getNano() < updatedAt.getNano()) {
            seconds--;
        }
        return Math.max(0, seconds) / 60;
    }

    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private static Duration ageOf(Instant updatedAt, Instant now) {
        Duration age = Duration.between(updatedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}

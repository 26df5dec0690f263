package cn.hunan.mma.navigation.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How old a figure is when it is read.
 *
 * @param updatedAt when the latest fact behind the figure happened (its event's {@code occurredAt})
 * @param age       from {@code updatedAt} to the moment of the query; zero if a hospital clock ran ahead
 * @param stale     the age is past the view's threshold: show the figure, but do not promise it
 */
public record Freshness(Instant updatedAt, Duration age, boolean stale) {

    static Freshness of(Instant updatedAt, Instant now, Duration staleAfter) {
        return new Freshness(updatedAt, ageOf(updatedAt, now), isStale(updatedAt, now, staleAfter));
    }

    /**
     * Whether the age is past {@code staleAfter} (positive: {@link CapacityViewPolicy}), without
     * building the age: the recommender asks this for every department near the patient on every request.
     */
    static boolean isStale(Instant updatedAt, Instant now, Duration staleAfter) {
        return updatedAt.plus(staleAfter).isBefore(now);
    }

    /** Whole minutes of the age, as {@code of(...).age().toMinutes()}. */
    static long ageMinutes(Instant updatedAt, Instant now) {
        return Math.max(0, updatedAt.until(now, ChronoUnit.MINUTES));
    }

    private static Duration ageOf(Instant updatedAt, Instant now) {
        Duration age = Duration.between(updatedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}

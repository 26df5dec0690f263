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

    private static Duration ageOf(Instant updatedAt, Instant now) {
        Duration age = Duration.between(updatedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}

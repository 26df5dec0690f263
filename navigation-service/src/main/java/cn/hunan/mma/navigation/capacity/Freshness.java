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

    private static final int NANOS_PER_SECOND = 1_000_000_000;

    static Freshness of(Instant updatedAt, Instant now, Duration staleAfter) {
        return new Freshness(updatedAt, ageOf(updatedAt, now), isStale(updatedAt, now, staleAfter));
    }

    /**
     * Whether the age is past {@code staleAfter} (positive: {@link CapacityViewPolicy}), i.e.
     * {@code updatedAt + staleAfter < now}, to the nanosecond. Added up by hand in seconds and nanos
     * because the recommender asks this for every department near the patient on every request, and
     * the {@code Instant} that {@code updatedAt.plus(staleAfter)} builds was a twentieth of what an
     * answer allocated (C2 did not remove it).
     */
    static boolean isStale(Instant updatedAt, Instant now, Duration staleAfter) {
        long seconds = updatedAt.getEpochSecond() + staleAfter.getSeconds();
        int nanos = updatedAt.getNano() + staleAfter.getNano();
        if (nanos >= NANOS_PER_SECOND) {
            seconds++;
            nanos -= NANOS_PER_SECOND;
        }
        return seconds < now.getEpochSecond() || seconds == now.getEpochSecond() && nanos < now.getNano();
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

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

    private static final int NANOS_PER_SECOND = 1_000_000_000;

    static Freshness of(Instant updatedAt, Instant now, Duration staleAfter) {
        return new Freshness(updatedAt, ageOf(updatedAt, now), isStale(updatedAt, now, staleAfter));
    }

    /**
     * Whether the age is past {@code staleAfter} (positive: {@link CapacityViewPolicy}), i.e.
     * {@code updatedAt + staleAfter < now}, to the nanosecond.
     */
    static boolean isStale(Instant updatedAt, Instant now, Duration staleAfter) {
        return isStale(updatedAt.getEpochSecond(), updatedAt.getNano(), now, staleAfter);
    }

    /**
     * {@link #isStale(Instant, Instant, Duration)} for an update time held as epoch second and nano,
     * added up by hand: the recommender asks this for every department near the patient on every
     * request, and building Instants for it was a twentieth of what an answer allocated.
     */
    static boolean isStale(long updatedSecond, int updatedNano, Instant now, Duration staleAfter) {
        long seconds = updatedSecond + staleAfter.getSeconds();
        int nanos = updatedNano + staleAfter.getNano();
        if (nanos >= NANOS_PER_SECOND) {
            seconds++;
            nanos -= NANOS_PER_SECOND;
        }
        return seconds < now.getEpochSecond() || seconds == now.getEpochSecond() && nanos < now.getNano();
    }

    /** Whole minutes of the age, as {@code of(...).age().toMinutes()}. */
    static long ageMinutes(Instant updatedAt, Instant now) {
        return ageMinutes(updatedAt.getEpochSecond(), updatedAt.getNano(), now);
    }

    /** {@link #ageMinutes(Instant, Instant)} for an update time held as epoch second and nano. */
    static long ageMinutes(long updatedSecond, int updatedNano, Instant now) {
        // Whole seconds from the update to now, truncated towards zero as Instant.until does.
        long seconds = now.getEpochSecond() - updatedSecond;
        int nanos = now.getNano() - updatedNano;
        if (seconds > 0 && nanos < 0) {
            seconds--;
        } else if (seconds < 0 && nanos > 0) {
            seconds++;
        }
        return Math.max(0, seconds / 60);
    }

    private static Duration ageOf(Instant updatedAt, Instant now) {
        Duration age = Duration.between(updatedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}

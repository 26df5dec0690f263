package cn.hunan.mma.navigation.capacity;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a figure is when it is read.
 *
 * @param updatedAt when the latest fact behind the figure happened (its event's {@code occurredAt})
 * @param age       from {@code updatedAt} to the moment of the query; zero if a hospital clock ran ahead
 * @param stale     the institution's capacity feed has been silent for longer than the view's threshold
 *                  ({@link CapacityViewPolicy#staleAfter()}): show the figure, but do not promise it.
 *                  Not judged by {@code age}: slot figures change only when someone books, so a quiet
 *                  department's last change may be hours old and still true ({@link FeedLiveness})
 */
public record Freshness(Instant updatedAt, Duration age, boolean stale) {

    private static final int NANOS_PER_SECOND = 1_000_000_000;
    private static final int NANOS_PER_MILLI = 1_000_000;

    /**
     * @param feedHeard epoch milliseconds of the institution's latest capacity event received
     *                  ({@link FeedLiveness})
     */
    static Freshness of(Instant updatedAt, long feedHeard, Instant now, Duration staleAfter) {
        return new Freshness(updatedAt, ageOf(updatedAt, now), isSilent(feedHeard, now, staleAfter));
    }

    /**
     * Whether a feed last heard at {@code heardMillis} (epoch ms, or {@link FeedLiveness#NEVER}) has
     * been silent past the threshold at {@code now}.
     */
    static boolean isSilent(long heardMillis, Instant now, Duration staleAfter) {
        return heardMillis == FeedLiveness.NEVER || isStale(Math.floorDiv(heardMillis, 1000),
                (int) Math.floorMod(heardMillis, 1000) * NANOS_PER_MILLI, now, staleAfter);
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

package cn.hunan.mma.settlement.domain.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The covered population's inpatient episodes over a span of days and how many of them were treated outside the area
 * (DOMAIN.md §6: out-of-area referral rate = inpatient episodes of insured residents of area L treated outside L ÷ all
 * inpatient episodes of those residents). The stays a referral episode links are one episode, treated outside when
 * any of its stays was; a stay without an episode is an episode of its own. Counting stays instead would let every
 * referral up and out add an in-area stay to the whole, and the rate would fall with no patient kept at home.
 *
 * @param episodes standing (not superseded) settled episodes of the covered residents
 * @param outside  of those, episodes with a stay at an institution whose county is not one the area covers
 * @param unplaced of those, episodes with a stay at an institution whose division this service does not know (stored
 *                 before V12, or never stated by the matrix)
 */
public record OutOfAreaEpisodes(long episodes, long outside, long unplaced) {

    /** Six decimals: a rate of one episode in a million is still visible, and the snapshot stays short. */
    public static final int RATE_SCALE = 6;

    public OutOfAreaEpisodes {
        if (episodes < 0 || outside < 0 || unplaced < 0 || outside + unplaced > episodes) {
            throw new IllegalArgumentException("episodes " + episodes + ", outside " + outside + ", unplaced " + unplaced
                    + ": the parts cannot exceed the whole");
        }
    }

    /** Why no rate can be worked out from these episodes, if none can. */
    public Optional<String> whyNoRate() {
        if (episodes == 0) {
            return Optional.of("no settled stay of the covered residents");
        }
        if (unplaced > 0) {
            return Optional.of(unplaced + " of the covered residents' " + episodes
                    + " episodes had stays at institutions whose division is not known to this service");
        }
        return Optional.empty();
    }

    /** outside ÷ episodes, rounded half up to {@link #RATE_SCALE} decimals. */
    public BigDecimal rate() {
        whyNoRate().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return BigDecimal.valueOf(outside).divide(BigDecimal.valueOf(episodes), RATE_SCALE, RoundingMode.HALF_UP);
    }
}

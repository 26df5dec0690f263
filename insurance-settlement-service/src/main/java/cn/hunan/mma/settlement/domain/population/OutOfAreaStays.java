package cn.hunan.mma.settlement.domain.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The covered population's settled inpatient stays over a span of days and how many of them were treated outside the
 * area (DOMAIN.md §6: out-of-area referral rate = stays of insured residents of area L treated outside L ÷ all their
 * stays). A stay counts once, whether or not a referral episode links it to another.
 *
 * @param stays        standing (not superseded) settled stays of the covered residents
 * @param outside      of those, stays at an institution whose county is not one the area covers
 * @param unplaced     of those, stays at an institution whose division this service does not know (stored before V12)
 */
public record OutOfAreaStays(long stays, long outside, long unplaced) {

    /** Six decimals: a rate of one stay in a million is still visible, and the snapshot stays short. */
    public static final int RATE_SCALE = 6;

    public OutOfAreaStays {
        if (stays < 0 || outside < 0 || unplaced < 0 || outside + unplaced > stays) {
            throw new IllegalArgumentException("stays " + stays + ", outside " + outside + ", unplaced " + unplaced
                    + ": the parts cannot exceed the whole");
        }
    }

    /** Why no rate can be worked out from these stays, if none can. */
    public Optional<String> whyNoRate() {
        if (stays == 0) {
            return Optional.of("no settled stay of the covered residents");
        }
        if (unplaced > 0) {
            return Optional.of(unplaced + " of the covered residents' " + stays
                    + " stays were at institutions whose division is not known to this service yet");
        }
        return Optional.empty();
    }

    /** outside ÷ stays, rounded half up to {@link #RATE_SCALE} decimals. */
    public BigDecimal rate() {
        whyNoRate().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return BigDecimal.valueOf(outside).divide(BigDecimal.valueOf(stays), RATE_SCALE, RoundingMode.HALF_UP);
    }
}

package cn.hunan.mma.simulator.events.faults;

/**
 * How often each delivery fault is injected, as a share of generated events. The faults are
 * exclusive (an event suffers at most one), so each rate is exactly the expected share.
 *
 * @param duplicate  the event is delivered twice (same id, same bytes), the copy seconds to hours later
 * @param late       delivered 2 hours to 7 days after it happened
 * @param correction a corrected version (new id, {@code correctsEventId}, one fact changed) follows
 *                   1–14 days later; only institution reports can be corrected
 * @param outOfOrder delivered 1 second to 30 minutes late, behind events that happened after it
 * @param malformed  the value is damaged so the codec rejects it (it replaces the event)
 */
public record FaultRates(double duplicate, double late, double correction, double outOfOrder, double malformed) {

    public FaultRates {
        for (double rate : new double[] {duplicate, late, correction, outOfOrder, malformed}) {
            if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("fault rates must be between 0 and 1");
            }
        }
        if (duplicate + late + correction + outOfOrder + malformed > 1) {
            throw new IllegalArgumentException("fault rates must add up to at most 1");
        }
    }

    public static FaultRates none() {
        return new FaultRates(0, 0, 0, 0, 0);
    }

    /** What a provincial feed plausibly suffers: resends, batch uploads, billing fixes, clock skew, bugs. */
    public static FaultRates typical() {
        return new FaultRates(0.002, 0.005, 0.001, 0.01, 0.0001);
    }
}

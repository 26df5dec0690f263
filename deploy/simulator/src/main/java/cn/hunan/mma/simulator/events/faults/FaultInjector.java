package cn.hunan.mma.simulator.events.faults;

import java.util.SplittableRandom;

/**
 * Decides each event's fault and the delays that go with it. Stateless apart from the rates;
 * callers pass the random stream of the work unit, so injection is as reproducible as the rest.
 */
public final class FaultInjector {

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private final FaultRates rates;
    private final double[] upper = new double[5];

    public FaultInjector(FaultRates rates) {
        this.rates = rates;
        upper[0] = rates.malformed();
        upper[1] = upper[0] + rates.duplicate();
        upper[2] = upper[1] + rates.late();
        upper[3] = upper[2] + rates.outOfOrder();
        upper[4] = upper[3] + rates.correction();
    }

    public FaultRates rates() {
        return rates;
    }

    public Fault draw(SplittableRandom random) {
        if (upper[4] == 0) {
            return Fault.NONE;
        }
        double u = random.nextDouble();
        if (u >= upper[4]) {
            return Fault.NONE;
        }
        if (u < upper[0]) {
            return Fault.MALFORMED;
        }
        if (u < upper[1]) {
            return Fault.DUPLICATE;
        }
        if (u < upper[2]) {
            return Fault.LATE;
        }
        return u < upper[3] ? Fault.OUT_OF_ORDER : Fault.CORRECTION;
    }

    /** Seconds a late event waits: 2 hours to 7 days. */
    public long lateDelay(SplittableRandom random) {
        return 2 * HOUR + (long) (random.nextDouble() * (7 * DAY - 2 * HOUR));
    }

    /** Seconds an out-of-order event lags: 1 second to 30 minutes. */
    public long outOfOrderDelay(SplittableRandom random) {
        return 1 + random.nextInt((int) (HOUR / 2));
    }

    /** Seconds between an event and its duplicate: 1 second to 6 hours (resends, at-least-once relays). */
    public long duplicateDelay(SplittableRandom random) {
        return 1 + random.nextInt((int) (6 * HOUR));
    }

    /** Seconds until a correction follows: 1 to 14 days. */
    public long correctionDelay(SplittableRandom random) {
        return DAY + (long) (random.nextDouble() * 13 * DAY);
    }

    public Malformation malformation(SplittableRandom random) {
        return Malformation.draw(random);
    }
}

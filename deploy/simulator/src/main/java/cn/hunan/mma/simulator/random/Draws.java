package cn.hunan.mma.simulator.random;

import java.util.SplittableRandom;

/** Samplers over a {@link SplittableRandom}: counts, skewed amounts and durations. */
public final class Draws {

    /** Above this mean, a Poisson count is drawn from its normal approximation (error &lt; 1%). */
    private static final double NORMAL_APPROXIMATION_FROM = 50;

    private Draws() {
    }

    /**
     * A Poisson count: exact (Knuth) for small means, the rounded normal approximation for large
     * ones — one county-day's visits are thousands, where the two are indistinguishable.
     */
    public static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= NORMAL_APPROXIMATION_FROM) {
            long count = Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
            return (int) Math.max(0, count);
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** A log-normal amount with the given median and shape (sigma of the underlying normal). */
    public static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    public static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in [from, to]. */
    public static int between(SplittableRandom random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A multiplicative jitter uniform in [1 - spread, 1 + spread]. */
    public static double jitter(SplittableRandom random, double spread) {
        return 1 - spread + 2 * spread * random.nextDouble();
    }
}

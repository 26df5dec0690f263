package cn.hunan.mma.simulator.random;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed and what they are for, e.g.
 * (seed, "visits", county, day). A stream never depends on the order in which others were used,
 * so output is identical however the work is split across threads.
 */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom stream(long seed, String purpose) {
        return new SplittableRandom(Mix.hash(seed, purpose));
    }

    public static SplittableRandom stream(long seed, String purpose, long part) {
        return new SplittableRandom(Mix.hash(Mix.hash(seed, purpose), part));
    }

    public static SplittableRandom stream(long seed, String purpose, long part, long other) {
        return new SplittableRandom(Mix.hash(Mix.hash(seed, purpose), part, other));
    }

    public static SplittableRandom stream(long seed, String purpose, String key) {
        return new SplittableRandom(Mix.hash(Mix.hash(seed, purpose), key));
    }
}

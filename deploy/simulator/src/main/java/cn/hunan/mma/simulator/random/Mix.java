package cn.hunan.mma.simulator.random;

import java.nio.charset.StandardCharsets;

/**
 * Fast, deterministic 64-bit mixing: the basis of every seed, synthetic pseudonym and
 * resident attribute in the simulator. Not cryptographic, and not meant to be: it only has to
 * spread inputs evenly and be identical on every run and machine.
 */
public final class Mix {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Mix() {
    }

    /** David Stafford's variant 13 of the MurmurHash3 finalizer, as {@code SplittableRandom} uses it. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a) {
        return mix64(seed + GOLDEN_GAMMA * (mix64(a) + 1));
    }

    public static long hash(long seed, long a, long b) {
        return hash(hash(seed, a), b);
    }

    public static long hash(long seed, long a, long b, long c) {
        return hash(hash(hash(seed, a), b), c);
    }

    /** A stable 64-bit digest of text (FNV-1a over UTF-8, then mixed), for purposes and codes. */
    public static long hash(long seed, String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash(seed, h);
    }

    /** A uniform double in [0, 1) from a 64-bit hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}

package cn.hunan.mma.scoring.domain;

/** How an indicator's value becomes a 0–100 score (DOMAIN §6). */
public enum ScoringMethod {
    /** min(actual / target, 1) × 100; for lower-is-better min(target / actual, 1) × 100. */
    TARGET,
    /** Linear from 0 at the floor to 100 at the target (either direction), clamped. */
    BAND,
    /**
     * The relative change against an earlier period (the previous one, or the same one a year before: {@link Baseline}),
     * scored linearly from 0 (no change) to 100 at {@code target} change, clamped.
     */
    IMPROVEMENT
}

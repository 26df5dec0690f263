package cn.hunan.mma.scoring.domain;

/** Whether a larger indicator value is better (primary-level share) or worse (cost growth). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}

package cn.hunan.mma.events.insurance;

/** Whether a case fell outside the normal payment band, and how it was treated. */
public enum OutlierKind {
    NONE,
    /** Actual cost below half the standard: paid at cost. */
    LOW_COST,
    /** Actual cost above twice the standard: adjusted score. */
    HIGH_COST,
    /** Far above the standard (over five times): sent to expert review. */
    EXPERT_REVIEW
}

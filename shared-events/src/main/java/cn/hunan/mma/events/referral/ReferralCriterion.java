package cn.hunan.mma.events.referral;

/** The referral criteria the sender states are met (DOMAIN §5). */
public enum ReferralCriterion {
    // upward
    BEYOND_LOCAL_CAPABILITY,
    NEEDS_HIGHER_LEVEL_TESTS,
    CRITICAL_EMERGENCY,
    OUTSIDE_LICENSED_SCOPE,
    // downward
    DIAGNOSIS_CLEAR_CONDITION_STABLE,
    CHRONIC_LONG_TERM_CARE,
    REHABILITATION,
    /** Anything else; the request's reason text explains it. */
    OTHER
}

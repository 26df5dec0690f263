package cn.hunan.mma.referral.domain;

/** Where a referral stands in its lifecycle (DOMAIN §5). */
public enum ReferralStatus {
    REQUESTED,
    PLATFORM_APPROVED,
    ACCEPTED,
    REJECTED,
    SCHEDULED,
    ARRIVED,
    NO_SHOW,
    CANCELLED,
    IN_TREATMENT,
    COMPLETED,
    FOLLOWED_UP
}

package cn.hunan.mma.referral.domain;

/** Review findings attached to a referral at request time (DOMAIN §5); the scorer counts them. */
public enum ReferralFlag {
    /** An upward referral of a disease the guidance catalogue assigns to the sender's own level or lower. */
    UPWARD_AGAINST_CATALOGUE,
    /** None of the criteria the sender states applies to the referral's direction. */
    CRITERIA_MISSING
}

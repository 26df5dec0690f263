package cn.hunan.mma.events.referral;

/** Why a receiving institution declined a referral. */
public enum RejectionCode {
    CAPACITY_FULL,
    OUTSIDE_SCOPE,
    INSUFFICIENT_INFORMATION,
    NOT_INDICATED,
    OTHER
}

package cn.hunan.mma.referral.domain;

/** The roles a caller can play towards one referral; each action names the parties that may take it. */
public enum Party {
    /** The sending institution (its doctors and staff). */
    SENDER,
    /** The receiving institution. */
    RECEIVER,
    /** The platform review of the sender's city (or the province), where that city requires review. */
    PLATFORM_REVIEWER,
    /**
     * The platform itself, acting by a rule and for no user: it records a no-show once a scheduled appointment is past
     * its grace period ({@code service.MissedAppointments}). No caller is ever given this party.
     */
    PLATFORM
}

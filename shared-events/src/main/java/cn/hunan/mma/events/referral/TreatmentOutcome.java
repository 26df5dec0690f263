package cn.hunan.mma.events.referral;

/** The result of the treatment the referral led to, as returned to the sender. */
public enum TreatmentOutcome { CURED, IMPROVED, UNCHANGED, WORSENED, DIED, TRANSFERRED_ONWARD }

package cn.hunan.mma.events.referral;

/** Who withdrew a referral. */
public enum CancellingParty { PATIENT, SENDER, RECEIVER, PLATFORM }

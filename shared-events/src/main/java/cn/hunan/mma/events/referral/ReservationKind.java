package cn.hunan.mma.events.referral;

/** What was held for a scheduled referral. */
public enum ReservationKind { SLOT, BED }

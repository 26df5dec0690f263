package cn.hunan.mma.events.referral;

/** How soon the receiving side must act. */
public enum Urgency { ROUTINE, URGENT, EMERGENCY }

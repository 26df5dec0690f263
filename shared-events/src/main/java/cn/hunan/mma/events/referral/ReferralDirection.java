package cn.hunan.mma.events.referral;

/** 上转, 下转, 平转. */
public enum ReferralDirection { UP, DOWN, HORIZONTAL }

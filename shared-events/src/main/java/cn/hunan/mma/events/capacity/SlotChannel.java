package cn.hunan.mma.events.capacity;

/** Which pool a slot comes from: open to the public, or reserved for referrals. */
public enum SlotChannel { PUBLIC, REFERRAL }

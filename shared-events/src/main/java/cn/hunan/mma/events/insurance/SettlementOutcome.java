package cn.hunan.mma.events.insurance;

/** Whether the alliance spent less than its package or more. */
public enum SettlementOutcome { SURPLUS, OVERSPEND }

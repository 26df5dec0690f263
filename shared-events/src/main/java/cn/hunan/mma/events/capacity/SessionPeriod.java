package cn.hunan.mma.events.capacity;

/** The part of the day a clinic session runs. */
public enum SessionPeriod { AM, PM, EVENING }

package cn.hunan.mma.events.conduct;

/** The conduct (行风) findings the factor method counts. */
public enum IncidentKind { COMPLAINT, VIOLATION, IMPROPER_CHARGE }

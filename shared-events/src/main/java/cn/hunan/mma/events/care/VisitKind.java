package cn.hunan.mma.events.care;

/** 门诊 or 急诊: both count towards the primary-level share of visits. */
public enum VisitKind { OUTPATIENT, EMERGENCY }

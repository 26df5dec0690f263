package cn.hunan.mma.events.prevention;

/** The key groups (重点人群) whose contract rate is an indicator. */
public enum KeyGroup { ELDERLY, HYPERTENSION, DIABETES, MATERNAL, CHILD, DISABLED, SEVERE_MENTAL_DISORDER, TUBERCULOSIS }

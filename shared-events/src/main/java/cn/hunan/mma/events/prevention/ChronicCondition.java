package cn.hunan.mma.events.prevention;

/** Chronic diseases under standard management in primary care. */
public enum ChronicCondition { HYPERTENSION, DIABETES, COPD, SEVERE_MENTAL_DISORDER, TUBERCULOSIS }

package cn.hunan.mma.navigation.ranking;

/** How soon the patient must be seen; urgent cases are sent one level of care higher. */
public enum Urgency { ROUTINE, URGENT }

package cn.hunan.mma.scoring.domain;

/** Which scopes an event counts for: where the care happened, or where the patient lives. */
public enum Basis {
    /** The reporting institution (a referral's sender), its alliances, and its county, city and province. */
    TREATMENT,
    /** The patient's county, city and province of residence and every alliance covering the residence. */
    RESIDENCE
}

package cn.hunan.mma.navigation.ranking;

/** Why a request cannot be answered; each maps to a 4xx problem+json type at the REST layer. */
public enum RejectionReason {
    /** A required field is absent. */
    MISSING_FIELD,
    /** No guidance-catalogue prefix covers the diagnosis, so no level of care can be chosen. */
    UNKNOWN_DIAGNOSIS,
    /**
     * The catalogue covers the diagnosis but no department is known to treat it (no {@code diagnosis_department}
     * range, no configured addition, not a primary-level disease): nothing to look for, which an empty ranking would
     * not tell from "no department near the patient".
     */
    UNMAPPED_DIAGNOSIS,
    /** No institution of the matrix has the department. */
    UNKNOWN_DEPARTMENT,
    /** The current institution is not in the matrix. */
    UNKNOWN_INSTITUTION,
    /** The location is not in Hunan, the only province this platform serves. */
    LOCATION_OUTSIDE_HUNAN
}

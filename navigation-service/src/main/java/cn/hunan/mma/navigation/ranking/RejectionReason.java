package cn.hunan.mma.navigation.ranking;

/** Why a request cannot be answered; each maps to a 4xx problem+json type at the REST layer. */
public enum RejectionReason {
    /** A required field is absent. */
    MISSING_FIELD,
    /** No guidance-catalogue prefix covers the diagnosis, so no level of care can be chosen. */
    UNKNOWN_DIAGNOSIS,
    /** No institution of the matrix has the department. */
    UNKNOWN_DEPARTMENT,
    /** The current institution is not in the matrix. */
    UNKNOWN_INSTITUTION,
    /** The location is not in Hunan, the only province this platform serves. */
    LOCATION_OUTSIDE_HUNAN
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;

/**
 * What a caller asks for. Fields may be null here: the REST layer builds requests from
 * untrusted input, and {@link Recommender} answers a missing field with a rejection.
 *
 * @param diagnosis          sets the target level through the guidance catalogue
 * @param department         the department wanted; without it, the departments treating the diagnosis
 * @param currentInstitution where the patient is now; a referring doctor is not offered it back
 */
public record RecommendationRequest(
        Icd10Code diagnosis,
        DepartmentId department,
        Location location,
        InstitutionId currentInstitution,
        Urgency urgency,
        CallerKind caller) {

    public static RecommendationRequest forDiagnosis(Icd10Code diagnosis, Location location) {
        return new RecommendationRequest(diagnosis, null, location, null, Urgency.ROUTINE, CallerKind.PUBLIC);
    }

    public static RecommendationRequest forDepartment(DepartmentId department, Location location) {
        return new RecommendationRequest(null, department, location, null, Urgency.ROUTINE, CallerKind.PUBLIC);
    }

    public RecommendationRequest inDepartment(DepartmentId newDepartment) {
        return new RecommendationRequest(diagnosis, newDepartment, location, currentInstitution, urgency, caller);
    }

    public RecommendationRequest from(InstitutionId institution) {
        return new RecommendationRequest(diagnosis, department, location, institution, urgency, caller);
    }

    public RecommendationRequest urgent() {
        return new RecommendationRequest(diagnosis, department, location, currentInstitution, Urgency.URGENT, caller);
    }

    public RecommendationRequest by(CallerKind newCaller) {
        return new RecommendationRequest(diagnosis, department, location, currentInstitution, urgency, newCaller);
    }
}

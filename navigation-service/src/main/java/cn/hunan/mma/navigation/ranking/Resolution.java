package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;

import java.util.Optional;
import java.util.Set;

/** A request checked against the matrix: what to look for, or why it cannot be answered. */
sealed interface Resolution {

    /**
     * @param departments the departments treating the need, at every level from the target up
     * @param primaryCare the departments treating it at primary levels only (a primary-level disease)
     * @param origin  where distances are measured from; empty when the division's seat is unknown
     * @param exclude an institution not to offer (a referring doctor's own), or null
     * @param near    the patient's division (or the county nearest to the point given), where the
     *                search for candidates starts; empty: search the province
     */
    record Accepted(
            TargetLevel target,
            Set<DepartmentId> departments,
            PrimaryCare primaryCare,
            Optional<GeoPoint> origin,
            Optional<DivisionCode> near,
            InstitutionId exclude,
            CallerKind caller) implements Resolution {
    }

    record Refused(Recommendation.Rejected rejection) implements Resolution {
    }

    static Resolution refused(RejectionReason reason, String field, String message) {
        return new Refused(new Recommendation.Rejected(reason, field, message));
    }
}

package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.Optional;
import java.util.Set;

import static cn.hunan.mma.navigation.ranking.RejectionReason.LOCATION_OUTSIDE_HUNAN;
import static cn.hunan.mma.navigation.ranking.RejectionReason.MISSING_FIELD;
import static cn.hunan.mma.navigation.ranking.RejectionReason.UNKNOWN_DEPARTMENT;
import static cn.hunan.mma.navigation.ranking.RejectionReason.UNKNOWN_DIAGNOSIS;
import static cn.hunan.mma.navigation.ranking.RejectionReason.UNKNOWN_INSTITUTION;
import static cn.hunan.mma.navigation.ranking.RejectionReason.UNMAPPED_DIAGNOSIS;

/** Checks a request against the matrix and works out the target level, departments and origin. */
final class RequestResolver {

    private final MatrixView matrix;
    private final DivisionSeats seats;

    RequestResolver(MatrixView matrix, DivisionSeats seats) {
        this.matrix = matrix;
        this.seats = seats;
    }

    Resolution resolve(RecommendationRequest request) {
        if (request.diagnosis() == null && request.department() == null) {
            return Resolution.refused(MISSING_FIELD, "diagnosis", "give a diagnosis (ICD-10) or a department");
        }
        if (request.location() == null) {
            return Resolution.refused(MISSING_FIELD, "location", "give a division code or coordinates");
        }
        if (request.urgency() == null || request.caller() == null) {
            return Resolution.refused(MISSING_FIELD, request.urgency() == null ? "urgency" : "caller",
                    "urgency and caller kind are required");
        }
        if (request.location() instanceof Location.InDivision in && !HunanArea.contains(in.division())) {
            return Resolution.refused(LOCATION_OUTSIDE_HUNAN, "location.division",
                    "the division code must be in Hunan (43xxxx)");
        }
        if (request.location() instanceof Location.AtPoint at && !HunanArea.contains(at.point())) {
            return Resolution.refused(LOCATION_OUTSIDE_HUNAN, "location.point",
                    "coordinates must lie in Hunan (" + HunanArea.extent() + ")");
        }
        if (request.currentInstitution() != null && matrix.institution(request.currentInstitution()).isEmpty()) {
            return Resolution.refused(UNKNOWN_INSTITUTION, "currentInstitution",
                    "the current institution is not registered in the matrix");
        }
        if (request.department() != null && matrix.departments(request.department()).isEmpty()) {
            return Resolution.refused(UNKNOWN_DEPARTMENT, "department", "no institution has this department");
        }
        Optional<GuidanceCatalogueEntry> entry = Optional.ofNullable(request.diagnosis())
                .flatMap(matrix::catalogueEntryFor);
        if (request.diagnosis() != null && entry.isEmpty()) {
            return Resolution.refused(UNKNOWN_DIAGNOSIS, "diagnosis",
                    "no guidance-catalogue entry covers this diagnosis");
        }
        Set<DepartmentId> departments = request.department() != null
                ? Set.of(request.department())
                : matrix.departmentsTreating(request.diagnosis());
        // A department asked for by name is looked for alone; a diagnosis's primary-level disease
        // is also seen by primary care's departments, below the specialist ones' lowest level.
        boolean primaryLevelDisease = entry.map(GuidanceCatalogueEntry::primaryLevelDisease).orElse(false);
        PrimaryCare primaryCare = request.department() == null && primaryLevelDisease
                ? PrimaryCare.STANDARD.besides(departments)
                : PrimaryCare.NONE;
        if (departments.isEmpty() && primaryCare == PrimaryCare.NONE) {
            return Resolution.refused(UNMAPPED_DIAGNOSIS, "diagnosis",
                    "the guidance catalogue covers this diagnosis but no department is mapped to treat it; "
                            + "give a department, or ask the registry's operators to map the diagnosis");
        }
        TargetLevel target = entry
                .map(e -> TargetLevel.of(e.lowestInpatientLevel(), request.urgency(),
                        "catalogue: " + e.icd10Prefix() + " → " + e.lowestInpatientLevel()
                                + (e.primaryLevelDisease() ? ", a primary-level disease" : "")))
                .orElseGet(() -> TargetLevel.of(lowestLevelWith(request.department()), request.urgency(),
                        "lowest level with this department (primary care first)"));
        InstitutionId exclude = request.caller() == CallerKind.REFERRING_DOCTOR ? request.currentInstitution() : null;
        Optional<GeoPoint> origin = originOf(request.location());
        return new Resolution.Accepted(target, departments, primaryCare, origin, nearOf(request.location(), origin),
                exclude, request.caller());
    }

    private Optional<GeoPoint> originOf(Location location) {
        if (location instanceof Location.AtPoint at) {
            return Optional.of(at.point());
        }
        return seats.nearestKnownSeat(((Location.InDivision) location).division());
    }

    /**
     * Where the search for candidates starts: a township or village given is the patient's own; for
     * a county given, or for coordinates, the township nearest to the county's seat or to the point
     * (the seat stands in for the patient, as for distances), else the county itself.
     */
    private Optional<DivisionCode> nearOf(Location location, Optional<GeoPoint> origin) {
        Optional<DivisionCode> area = location instanceof Location.InDivision in
                ? Optional.of(in.division())
                : seats.nearestCounty(((Location.AtPoint) location).point());
        if (area.isEmpty() || area.get().granularity() != DivisionCode.Granularity.COUNTY || origin.isEmpty()) {
            return area;
        }
        return seats.nearestTownship(origin.get(), area.get()).or(() -> area);
    }

    // Without a diagnosis there is no catalogue level; first contact belongs at the lowest
    // level that offers the department (基层首诊).
    private Level lowestLevelWith(DepartmentId department) {
        return matrix.lowestLevelOffering(department).orElse(Level.VILLAGE);
    }
}

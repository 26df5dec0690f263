package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DivisionCode.Granularity;
import cn.hunan.mma.events.value.InstitutionId;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The registry's own rules on top of the contract's: the codec already refuses malformed records,
 * these refuse well-formed ones that would make the matrix inconsistent.
 */
public final class MatrixRules {

    /** Reason codes in the import report for rows these rules refuse. */
    public static final String DIVISION_TOO_COARSE = "DIVISION_TOO_COARSE";
    public static final String UNKNOWN_INSTITUTION = "UNKNOWN_INSTITUTION";
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    public static final String EVENT_ID_REUSED = "EVENT_ID_REUSED";

    // An institution stands in a county, township or village: a province or prefecture code would
    // put it under every operator of that city and no county's alliance could cover it.
    private static final Set<Granularity> PLACEABLE = EnumSet.of(Granularity.COUNTY, Granularity.TOWNSHIP, Granularity.VILLAGE);

    private MatrixRules() {
    }

    /** Why the institution cannot be registered where it says it stands, if it cannot. */
    public static Optional<String> placementProblem(InstitutionSnapshot institution) {
        return PLACEABLE.contains(institution.divisionCode().granularity())
                ? Optional.empty()
                : Optional.of("an institution's division must be a county, township or village code, not a "
                        + institution.divisionCode().granularity().name().toLowerCase() + " code");
    }

    /** The lead and members of the alliance that are not registered institutions (in first-mention order). */
    public static Set<InstitutionId> unknownInstitutions(AllianceSnapshot alliance, Predicate<InstitutionId> registered) {
        Set<InstitutionId> unknown = new LinkedHashSet<>();
        if (!registered.test(alliance.leadInstitutionId())) {
            unknown.add(alliance.leadInstitutionId());
        }
        alliance.memberIds().stream().filter(registered.negate()).forEach(unknown::add);
        return unknown;
    }
}

package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DivisionCode.Granularity;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.InstitutionId;

import cn.hunan.mma.events.matrix.AllianceKind;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    public static final String OUTSIDE_HUNAN = "OUTSIDE_HUNAN";
    public static final String LEVEL_DIVISION_MISMATCH = "LEVEL_DIVISION_MISMATCH";

    public static final String PARTNER_NOT_TERTIARY = "PARTNER_NOT_TERTIARY";
    public static final String OUTSIDE_ALLIANCE_CITY = "OUTSIDE_ALLIANCE_CITY";
    /** Coordinates outside Hunan, or swapped ({@link PlausibleCoordinates}). */
    public static final String IMPLAUSIBLE_COORDINATES = "IMPLAUSIBLE_COORDINATES";
    /** A specialty stated for, or a live alliance naming, an institution that has been retired. */
    public static final String INSTITUTION_RETIRED = "INSTITUTION_RETIRED";

    private static final DivisionCode HUNAN = DivisionCode.of("430000");

    // An institution stands in a county, township or village: a province or prefecture code would
    // put it under every operator of that city and no county's alliance could cover it.
    private static final Set<Granularity> PLACEABLE = EnumSet.of(Granularity.COUNTY, Granularity.TOWNSHIP, Granularity.VILLAGE);

    private MatrixRules() {
    }

    /** Specialties are stated for active institutions only: one refusal for the operator API and the importer. */
    public static RuleViolation specialtyAtRetiredInstitution() {
        return new RuleViolation("institutionId", INSTITUTION_RETIRED,
                "the institution is retired; specialties are stated for active institutions only");
    }

    /** Why the institution cannot be registered where it says it stands, if it cannot. */
    public static Optional<String> placementProblem(InstitutionSnapshot institution) {
        return PLACEABLE.contains(institution.divisionCode().granularity())
                ? Optional.empty()
                : Optional.of("an institution's division must be a county, township or village code, not a "
                        + institution.divisionCode().granularity().name().toLowerCase() + " code");
    }

    /**
     * Everything wrong with where and at what level an institution says it stands, first problem
     * first: its division must be a county, township or village of Hunan, and its level must fit
     * the division — a village clinic or township centre stands in a township or village, a county,
     * city or provincial hospital in a county or township, never in a village; its coordinates, when
     * stated, must lie in Hunan ({@link PlausibleCoordinates}).
     */
    public static Optional<RuleViolation> institutionProblem(InstitutionSnapshot institution) {
        DivisionCode division = institution.divisionCode();
        Optional<String> placement = placementProblem(institution);
        if (placement.isPresent()) {
            return Optional.of(new RuleViolation("divisionCode", DIVISION_TOO_COARSE, placement.get()));
        }
        if (!division.isWithin(HUNAN)) {
            return Optional.of(new RuleViolation("divisionCode", OUTSIDE_HUNAN, "the division must be in Hunan (43…)"));
        }
        boolean primaryCare = institution.level().isPrimaryCare();
        Granularity granularity = division.granularity();
        if (primaryCare && granularity == Granularity.COUNTY) {
            return Optional.of(new RuleViolation("level", LEVEL_DIVISION_MISMATCH,
                    "a " + institution.level() + " institution stands in a township or village, not a county code"));
        }
        if (!primaryCare && granularity == Granularity.VILLAGE) {
            return Optional.of(new RuleViolation("level", LEVEL_DIVISION_MISMATCH,
                    "a " + institution.level() + " hospital stands in a county or township, not a village code"));
        }
        return PlausibleCoordinates.problem(institution.latitude(), institution.longitude());
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

    /**
     * Everything wrong with an alliance's make-up, first problem first: its lead and members must be
     * registered; its collaborating tertiary hospitals registered at city or province level; and a
     * close-knit alliance (county community, city group) keeps its members and covered divisions in
     * its lead's city. Specialty alliances span regions, so only the first two rules apply to them.
     */
    public static Optional<RuleViolation> allianceProblem(AllianceSnapshot alliance,
                                                          Function<InstitutionId, Optional<InstitutionPlacement>> placements) {
        Set<InstitutionId> unknown = unknownInstitutions(alliance, id -> placements.apply(id).isPresent());
        if (!unknown.isEmpty()) {
            return Optional.of(new RuleViolation("memberIds", UNKNOWN_INSTITUTION,
                    "lead or members not registered: " + ids(unknown)));
        }
        List<InstitutionId> notTertiary = alliance.collaboratingTertiaryIds().stream()
                .filter(id -> placements.apply(id).filter(p -> p.level().compareTo(Level.CITY) >= 0).isEmpty())
                .toList();
        if (!notTertiary.isEmpty()) {
            return Optional.of(new RuleViolation("collaboratingTertiaryIds", PARTNER_NOT_TERTIARY,
                    "collaborating hospitals must be registered at CITY or PROVINCE level: " + ids(notTertiary)));
        }
        if (alliance.kind() == AllianceKind.SPECIALTY_ALLIANCE) {
            return Optional.empty();
        }
        DivisionCode city = placements.apply(alliance.leadInstitutionId()).orElseThrow().division().cityCode();
        List<InstitutionId> outside = alliance.memberIds().stream()
                .filter(id -> !placements.apply(id).orElseThrow().division().isWithin(city)).toList();
        if (!outside.isEmpty()) {
            return Optional.of(new RuleViolation("memberIds", OUTSIDE_ALLIANCE_CITY,
                    "members of a close-knit alliance stand in its lead's city " + city.value() + ": " + ids(outside)));
        }
        if (alliance.coveredDivisions().stream().anyMatch(division -> !division.isWithin(city))) {
            return Optional.of(new RuleViolation("coveredDivisions", OUTSIDE_ALLIANCE_CITY,
                    "a close-knit alliance covers divisions of its lead's city " + city.value() + " only"));
        }
        return Optional.empty();
    }

    private static String ids(java.util.Collection<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).collect(Collectors.joining(", "));
    }
}

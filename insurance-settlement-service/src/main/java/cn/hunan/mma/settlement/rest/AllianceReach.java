package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.settlement.persistence.AllianceEntity;

import java.util.List;
import java.util.Set;

/**
 * Whether a caller reaches an alliance the matrix states, decided before anything else is said about it: whether a
 * period is closed, a budget drafted, the alliance dissolved. An alliance sits in each division it covers (a city
 * officer reaches it when any covered division lies in the city), with its id and members; one stated with no
 * division (first heard of as dissolved) sits in the province only, reached by province-wide callers, its own
 * operators and its members' users. Whether an id is an alliance at all is not hidden: the matrix topics state every
 * alliance to every consumer, and a city officer waiting for a new alliance to arrive needs the 404. A change is
 * reached by area only (since 2026-11-25 (5)): before, an insurance officer's token scoped by a member hospital could
 * approve the alliance's package.
 */
final class AllianceReach {

    private static final DivisionCode PROVINCE = DivisionCode.of("430000");

    private AllianceReach() {
    }

    /** The places the alliance sits in; the province alone when the matrix states none. */
    static List<Jurisdiction> places(String allianceId, AllianceEntity alliance) {
        Set<String> members = Set.copyOf(alliance.memberIds());
        List<String> covered = alliance.coveredDivisions();
        if (covered.isEmpty()) {
            return List.of(new Jurisdiction(PROVINCE, Set.of(allianceId), members));
        }
        return covered.stream().map(division -> new Jurisdiction(DivisionCode.of(division), Set.of(allianceId), members)).toList();
    }

    /**
     * @throws cn.hunan.mma.platform.security.OutOfScopeException (403) when the caller reaches none of the alliance's
     *                                                            places (or may only read it, for a change)
     */
    static void require(Caller caller, String allianceId, AllianceEntity alliance, boolean change) {
        require(caller, places(allianceId, alliance), change, "alliance " + allianceId);
    }

    /**
     * The same over any places (a stored close adds the division it was closed for, {@link CloseReach}); the 403 names
     * the first.
     */
    static void require(Caller caller, List<Jurisdiction> places, boolean change, String what) {
        // A change — a draft, an approval, a close — is the fund's, made by area: a token scoped by the alliance or by
        // a member hospital reads the alliance's figures but does not change them, whatever its role.
        List<Jurisdiction> reachable = change
                ? places.stream().map(place -> Jurisdiction.ofDivision(place.division())).toList() : places;
        boolean reached = reachable.stream()
                .anyMatch(place -> change ? AccessPolicy.mayChange(caller, place) : AccessPolicy.maySee(caller, place));
        if (!reached) {
            if (change) {
                AccessPolicy.requireChange(caller, reachable.get(0), what);
            }
            AccessPolicy.requireSee(caller, reachable.get(0), what);
        }
    }
}

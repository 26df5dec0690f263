package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.settlement.persistence.AllianceEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who reads or reopens a stored close: a caller who reaches the division it was closed for (with its alliance and
 * institutions), or any of the places the alliance covers ({@link AllianceReach#places}). The division is the one the
 * closing officer typed, which may be wider than the alliance (the province's 430000): by it alone, the city teams
 * of the alliance's own city — scoped to their city or alliance (DOMAIN.md §8) — lost their closes. Before
 * 2026-11-25 (9) a province-made close of 湘潭县医共体 was 403 to 湘潭市's auditors and officers.
 */
final class CloseReach {

    private CloseReach() {
    }

    /**
     * The same for a close's line on an institution's statement, where the alliance is known by the divisions it covers.
     *
     * @param covered the divisions the alliance covers, as the matrix last stated them
     */
    static boolean maySee(Caller caller, Jurisdiction recorded, List<String> covered) {
        return AccessPolicy.maySee(caller, recorded) || covered.stream().map(division -> new Jurisdiction(
                DivisionCode.of(division), recorded.allianceIds(), recorded.institutionIds()))
                .anyMatch(place -> AccessPolicy.maySee(caller, place));
    }

    /**
     * @param recorded the close's own jurisdiction: its division, alliance and the institutions it paid
     * @throws cn.hunan.mma.platform.security.OutOfScopeException (403) when the caller reaches none of its places
     */
    static void requireSee(Caller caller, Jurisdiction recorded, Optional<AllianceEntity> alliance, String what) {
        AllianceReach.require(caller, places(recorded, alliance), false, what);
    }

    /**
     * A reopen is the fund's, made by area, as the close was: by division only, so a token scoped by a member hospital
     * or the alliance reads the close but does not reverse it.
     *
     * @throws cn.hunan.mma.platform.security.OutOfScopeException (403) when the caller may change none of its areas
     */
    static void requireReopen(Caller caller, DivisionCode recorded, Optional<AllianceEntity> alliance, String what) {
        AllianceReach.require(caller, places(Jurisdiction.ofDivision(recorded), alliance), true, what);
    }

    private static List<Jurisdiction> places(Jurisdiction recorded, Optional<AllianceEntity> alliance) {
        List<Jurisdiction> places = new ArrayList<>();
        places.add(recorded);
        alliance.ifPresent(row -> places.addAll(AllianceReach.places(row.id(), row)));
        return places;
    }
}

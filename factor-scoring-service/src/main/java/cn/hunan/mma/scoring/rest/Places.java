package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a scored entity sits, for access decisions: one place for an institution or an area, one per covered division
 * for an alliance — a specialist alliance or a city's 医联体 may cover divisions of more than one city or county. A
 * caller who reaches any place sees the entity. Before 2026-11-25 (6) an alliance sat in its first covered division
 * only, so the city operator of its second city was refused its scores, rankings and surplus projection.
 *
 * @param each the places, at least one
 */
public record Places(List<Jurisdiction> each) {

    public Places {
        if (each == null || each.isEmpty()) {
            throw new IllegalArgumentException("an entity sits in at least one place");
        }
        each = List.copyOf(each);
    }

    public static Places of(Jurisdiction one) {
        return new Places(List.of(one));
    }

    /**
     * An alliance in each division it covers, with its id (so its own operators reach it) and its members (so their
     * institution users reach it, as they reach its budget and close in the settlement service); empty when it covers
     * none. The members are the make-up's — the alliance record is the matrix's authority on membership, and the one
     * the scorer counts by — so an institution that has left is no longer let in, even to the periods it was a member
     * in. Before 2026-11-25 (7) an institution user was refused its own alliance's scores and surplus projection.
     */
    public static java.util.Optional<Places> ofAlliance(AllianceSnapshot makeup) {
        if (makeup.coveredDivisions().isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> id = Set.of(makeup.allianceId().value());
        Set<String> members = makeup.memberIds().stream().map(InstitutionId::value).collect(Collectors.toUnmodifiableSet());
        return java.util.Optional.of(new Places(makeup.coveredDivisions().stream()
                .map(division -> new Jurisdiction(division, id, members)).toList()));
    }

    public boolean seenBy(Caller caller) {
        return each.stream().anyMatch(place -> AccessPolicy.maySee(caller, place));
    }

    /** @throws cn.hunan.mma.platform.security.OutOfScopeException (HTTP 403) when the caller reaches none of the places */
    public void requireSeenBy(Caller caller, String what) {
        if (!seenBy(caller)) {
            AccessPolicy.requireSee(caller, each.get(0), what);
        }
    }
}

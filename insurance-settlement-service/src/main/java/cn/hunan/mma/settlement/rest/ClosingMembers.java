package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.settlement.domain.alliance.PeriodMakeup;
import jakarta.ws.rs.BadRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members a close pays, checked against who belonged to the alliance during the period (its make-ups as the matrix
 * stated them): a close may not pay an institution outside the alliance, nor a floor to a member the matrix does not
 * hold for a primary-level one. A request that names no members closes with every member the alliance had in the
 * period, each with its base and score left to the service.
 *
 * @param members     the members the close pays, each with whether it is primary-level decided
 * @param namedBy     {@link #MATRIX} when the request named no members, {@link #REQUEST} otherwise
 * @param levelsTaken the members whose primary level the service took from the matrix, with their levels
 * @param omitted     members of the period the request left out (paid nothing by this close), in id order
 */
record ClosingMembers(List<CloseRequest.Member> members, String namedBy, List<TakenLevel> levelsTaken, List<String> omitted) {

    static final String MATRIX = "matrix";
    static final String REQUEST = "request";

    /** A member's level as the matrix states the institution, and the primary level the close takes from it. */
    record TakenLevel(String institutionId, Level level, boolean primaryLevel) {
    }

    static ClosingMembers resolve(List<CloseRequest.Member> requested, String allianceId, String period, PeriodMakeup makeup) {
        if (makeup.isEmpty()) {
            throw new BadRequestException("members: " + allianceId + " has no make-up stated by the matrix, so no member can "
                    + "be paid for " + period);
        }
        List<CloseRequest.Member> members = new ArrayList<>();
        List<TakenLevel> taken = new ArrayList<>();
        if (requested == null) {
            for (PeriodMakeup.Member member : makeup.members()) {
                members.add(withLevel(new CloseRequest.Member(InstitutionId.of(member.institutionId()), null, null, null),
                        member, taken));
            }
            return new ClosingMembers(members, MATRIX, taken, List.of());
        }
        if (requested.isEmpty()) {
            throw new BadRequestException("members: at least one member is required; leave the field out to close with "
                    + "the alliance's members as the matrix states them");
        }
        Set<String> named = new HashSet<>();
        for (CloseRequest.Member member : requested) {
            if (member == null || member.institutionId() == null) {
                throw new BadRequestException("members: every member needs an institutionId");
            }
            String id = member.institutionId().value();
            if (!named.add(id)) {
                throw new BadRequestException("members: " + id + " is named twice");
            }
            PeriodMakeup.Member stated = makeup.member(id).orElseThrow(() -> new BadRequestException("members: " + id
                    + " was not a member of " + allianceId + " during " + period + " as the matrix states it (its members: "
                    + String.join(", ", makeup.members().stream().map(PeriodMakeup.Member::institutionId).toList()) + ")"));
            members.add(withLevel(member, stated, taken));
        }
        // Said beside the snapshot, not refused: an officer may leave a member out on purpose (a sanction, a merger).
        List<String> omitted = makeup.members().stream().map(PeriodMakeup.Member::institutionId)
                .filter(id -> !named.contains(id)).toList();
        return new ClosingMembers(members, REQUEST, taken, omitted);
    }

    /** The member with its primary level: the request's where it agrees with the matrix, else the matrix's. */
    private static CloseRequest.Member withLevel(CloseRequest.Member member, PeriodMakeup.Member stated, List<TakenLevel> taken) {
        String id = stated.institutionId();
        if (stated.level() == null) {
            if (member.primaryLevel() == null) {
                throw new BadRequestException("members: " + id + " needs primaryLevel, since the matrix has not stated "
                        + "the institution's level");
            }
            return member;
        }
        boolean primary = stated.level().isPrimaryCare();
        if (member.primaryLevel() == null) {
            taken.add(new TakenLevel(id, stated.level(), primary));
            return new CloseRequest.Member(member.institutionId(), member.base(), member.score(), primary);
        }
        if (member.primaryLevel() != primary) {
            throw new BadRequestException("members: " + id + " is given primaryLevel " + member.primaryLevel()
                    + ", but the matrix states it a " + stated.level() + " institution" + (primary ? ", a primary-level one"
                    : ", not a primary-level one (village or township)"));
        }
        return member;
    }
}

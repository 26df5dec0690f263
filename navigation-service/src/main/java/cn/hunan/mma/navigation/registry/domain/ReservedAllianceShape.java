package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a dissolved alliance is stated on the compacted alliance topic.
 *
 * <p>{@code AllianceSnapshot} has no active flag (unlike {@code InstitutionSnapshot}), and a
 * tombstone would erase the alliance a consumer may still need to name in history (old referrals
 * name their alliance), while the outbox cannot publish tombstones anyway. So a dissolution is the
 * alliance reduced to what the contract cannot do without: its id, name, kind and lead (the lead
 * must be one of the members), covering no division and with no collaborating tertiary hospital.
 * That shape is reserved: the operator API refuses to form or revise an alliance into it (see
 * {@link #reservedShapeProblem}), so a consumer reading the topic alone can tell "dissolved" from
 * a live alliance. The institutions, the lead included, no longer list the alliance: the lead is
 * named by the dissolved alliance for its identity only, not as a member.
 */
public final class AllianceDissolution {

    public static final String RESERVED_FOR_DISSOLUTION = "RESERVED_FOR_DISSOLUTION";

    private AllianceDissolution() {
    }

    /** The alliance as published once dissolved. */
    public static AllianceSnapshot of(AllianceSnapshot alliance, EventId eventId, Instant at) {
        return new AllianceSnapshot(eventId, at, alliance.allianceId(), alliance.name(), alliance.kind(),
                alliance.leadInstitutionId(), List.of(alliance.leadInstitutionId()), List.of(), List.of());
    }

    /** Whether the stated make-up is the dissolution shape. */
    public static boolean isDissolved(String leadId, List<String> memberIds, List<?> coveredDivisions,
                                      List<String> collaboratingTertiaryIds) {
        return memberIds.equals(List.of(leadId)) && coveredDivisions.isEmpty() && collaboratingTertiaryIds.isEmpty();
    }

    /** Whether the snapshot states a dissolved alliance. */
    public static boolean isDissolved(AllianceSnapshot alliance) {
        return isDissolved(alliance.leadInstitutionId().value(),
                alliance.memberIds().stream().map(InstitutionId::value).toList(), alliance.coveredDivisions(),
                alliance.collaboratingTertiaryIds().stream().map(InstitutionId::value).toList());
    }

    /** An operator's form or revision may not take the shape that means "dissolved". */
    public static Optional<RuleViolation> reservedShapeProblem(AllianceSnapshot proposed) {
        return isDissolved(proposed) ? Optional.of(new RuleViolation("coveredDivisions", RESERVED_FOR_DISSOLUTION,
                "an alliance of its lead alone covering no division is how a dissolution is published;"
                        + " cover a division, add a member, or dissolve the alliance with DELETE")) : Optional.empty();
    }
}

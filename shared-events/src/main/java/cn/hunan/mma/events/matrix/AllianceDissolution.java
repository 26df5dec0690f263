package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.value.EventId;

import java.time.Instant;
import java.util.List;

/**
 * How a dissolved alliance is stated on the compacted alliance topic, for every consumer to read
 * the same way.
 *
 * <p>{@link AllianceSnapshot} has no active flag (unlike {@link InstitutionSnapshot}), and a
 * tombstone would erase an alliance that consumers still name in history (old referrals, settled
 * periods), while the outbox does not publish tombstones. So a dissolution is the alliance reduced
 * to what the contract cannot do without: its id, name, kind and lead (the lead must be one of the
 * members), covering no division and with no collaborating tertiary hospital. The shape is reserved:
 * navigation-service's operator API refuses to form or revise a live alliance into it. The lead is
 * named for the record's validity only: it is no longer a member of anything, and its events count
 * for no alliance.
 */
public final class AllianceDissolution {

    private AllianceDissolution() {
    }

    /** The alliance as published once dissolved. */
    public static AllianceSnapshot of(AllianceSnapshot alliance, EventId eventId, Instant at) {
        return new AllianceSnapshot(eventId, at, alliance.allianceId(), alliance.name(), alliance.kind(),
                alliance.leadInstitutionId(), List.of(alliance.leadInstitutionId()), List.of(), List.of());
    }

    /** Whether a make-up, given as ids, is the dissolution shape. */
    public static boolean isDissolved(String leadId, List<String> memberIds, List<?> coveredDivisions,
                                      List<String> collaboratingTertiaryIds) {
        return shape(leadId, memberIds, coveredDivisions, collaboratingTertiaryIds);
    }

    /** Whether the snapshot states a dissolved alliance. */
    public static boolean isDissolved(AllianceSnapshot alliance) {
        return shape(alliance.leadInstitutionId(), alliance.memberIds(), alliance.coveredDivisions(),
                alliance.collaboratingTertiaryIds());
    }

    /** Whether the snapshot states an alliance that exists now. */
    public static boolean isLive(AllianceSnapshot alliance) {
        return !isDissolved(alliance);
    }

    /** The one rule, for ids as records or as text: the lead alone, covering nothing, with no tertiary partner. */
    private static <I> boolean shape(I lead, List<I> members, List<?> coveredDivisions, List<?> tertiaryPartners) {
        return members.equals(List.of(lead)) && coveredDivisions.isEmpty() && tertiaryPartners.isEmpty();
    }
}

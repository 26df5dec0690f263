package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;
import java.util.List;

/**
 * States an alliance's current make-up: its lead, members, the divisions whose residents it
 * covers, and the tertiary hospitals that collaborate with it (and may share its surplus).
 */
public record AllianceSnapshot(
        EventId eventId,
        Instant occurredAt,
        AllianceId allianceId,
        String name,
        AllianceKind kind,
        InstitutionId leadInstitutionId,
        List<InstitutionId> memberIds,
        List<DivisionCode> coveredDivisions,
        List<InstitutionId> collaboratingTertiaryIds) implements MatrixSnapshot {

    public AllianceSnapshot {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(allianceId, "allianceId");
        Checks.text(name, "name", 200);
        Checks.present(kind, "kind");
        Checks.present(leadInstitutionId, "leadInstitutionId");
        memberIds = Checks.list(memberIds, "memberIds");
        coveredDivisions = Checks.list(coveredDivisions, "coveredDivisions");
        collaboratingTertiaryIds = Checks.list(collaboratingTertiaryIds, "collaboratingTertiaryIds");
        Checks.require(memberIds.contains(leadInstitutionId), "leadInstitutionId",
                "the lead institution must be one of the members");
    }
}

package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;
import java.util.List;

/**
 * An operator's statement of an alliance (POST forms, PUT replaces). The contract's checks apply
 * (the lead must be one of the members, ids well-formed): a violation is 400 naming the field.
 */
public record AllianceRequest(String allianceId, String name, AllianceKind kind, String leadInstitutionId,
                              List<String> memberIds, List<String> coveredDivisions,
                              List<String> collaboratingTertiaryIds) {

    /** The statement as a snapshot; the editor gives it its own event id and time. */
    AllianceSnapshot toSnapshot(String id) {
        return new AllianceSnapshot(EventId.random(), Instant.now(), AllianceId.of(id), name, kind,
                InstitutionId.of(leadInstitutionId), institutions(memberIds),
                orEmpty(coveredDivisions).stream().map(DivisionCode::of).toList(), institutions(collaboratingTertiaryIds));
    }

    private static List<InstitutionId> institutions(List<String> ids) {
        return orEmpty(ids).stream().map(InstitutionId::of).toList();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}

package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.rest.RequestFields;

import java.time.Instant;
import java.util.List;

/**
 * An operator's statement of an alliance (POST forms, PUT replaces). The contract's checks apply
 * (the lead must be one of the members, ids well-formed): a violation is 400 naming the field as the client wrote it
 * ({@code leadInstitutionId}, {@code memberIds[2]}); absent lists are empty.
 */
public record AllianceRequest(String allianceId, String name, AllianceKind kind, String leadInstitutionId,
                              List<String> memberIds, List<String> coveredDivisions,
                              List<String> collaboratingTertiaryIds) {

    /** The statement as a snapshot; the editor gives it its own event id and time. */
    AllianceSnapshot toSnapshot(String id) {
        return new AllianceSnapshot(EventId.random(), Instant.now(),
                RequestFields.parsed("allianceId", id, AllianceId::of), name, kind,
                RequestFields.parsed("leadInstitutionId", leadInstitutionId, InstitutionId::of),
                RequestFields.parsedEach("memberIds", memberIds, InstitutionId::of),
                RequestFields.parsedEach("coveredDivisions", coveredDivisions, DivisionCode::of),
                RequestFields.parsedEach("collaboratingTertiaryIds", collaboratingTertiaryIds, InstitutionId::of));
    }
}

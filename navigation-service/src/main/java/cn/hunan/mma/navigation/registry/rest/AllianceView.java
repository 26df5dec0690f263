package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;

import java.time.Instant;
import java.util.List;

/** An alliance as operators read it, with the event it was last published with. */
public record AllianceView(String allianceId, String name, AllianceKind kind, String leadInstitutionId,
                           List<String> memberIds, List<String> coveredDivisions,
                           List<String> collaboratingTertiaryIds, boolean dissolved, String lastEventId,
                           Instant lastEventAt) {

    static AllianceView of(AllianceEntity entity) {
        return new AllianceView(entity.id(), entity.name(), entity.kind(), entity.leadInstitutionId(),
                entity.memberIds(), entity.coveredDivisions().stream().map(DivisionCode::value).toList(),
                entity.collaboratingTertiaryIds(), entity.dissolved(), entity.published().eventId().toString(),
                entity.published().occurredAt());
    }
}

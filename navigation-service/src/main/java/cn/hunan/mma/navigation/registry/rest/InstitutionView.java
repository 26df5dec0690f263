package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An institution as operators read it, with the event it was last published with. */
public record InstitutionView(String institutionId, String name, Level level, InstitutionKind kind,
                              String divisionCode, BigDecimal latitude, BigDecimal longitude, List<String> allianceIds,
                              boolean active, String lastEventId, Instant lastEventAt) {

    static InstitutionView of(InstitutionEntity entity) {
        return new InstitutionView(entity.id(), entity.name(), entity.level(), entity.kind(),
                entity.divisionCode().value(), entity.latitude(), entity.longitude(), entity.allianceIds(),
                entity.active(), entity.published().eventId().toString(), entity.published().occurredAt());
    }
}

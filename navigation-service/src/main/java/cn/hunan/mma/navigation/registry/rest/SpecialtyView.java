package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.navigation.registry.persistence.SpecialtyEntity;

import java.time.Instant;

/** A specialty as operators read it, with the event it was last published with. */
public record SpecialtyView(String institutionId, String departmentId, String name, SpecialtyTag tag,
                            String lastEventId, Instant lastEventAt) {

    static SpecialtyView of(SpecialtyEntity entity) {
        return new SpecialtyView(entity.institutionId(), entity.departmentId(), entity.name(), entity.tag(),
                entity.published().eventId().toString(), entity.published().occurredAt());
    }
}

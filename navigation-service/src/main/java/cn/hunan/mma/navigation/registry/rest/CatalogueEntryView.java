package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.persistence.GuidanceCatalogueEntryEntity;

import java.time.Instant;

/** A guidance-catalogue entry as operators read it, with the event it was last published with. */
public record CatalogueEntryView(String icd10Prefix, Level lowestInpatientLevel, boolean primaryLevelDisease,
                                 String catalogueVersion, String lastEventId, Instant lastEventAt) {

    static CatalogueEntryView of(GuidanceCatalogueEntryEntity entity) {
        return new CatalogueEntryView(entity.icd10Prefix(), entity.lowestInpatientLevel(), entity.primaryLevelDisease(),
                entity.catalogueVersion(), entity.published().eventId().toString(), entity.published().occurredAt());
    }
}

package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.rest.RequestFields;

import java.time.Instant;

/**
 * An operator's statement of a guidance-catalogue entry (PUT creates or replaces). The ICD-10
 * prefix comes from the path; if the body names it too it must agree. The contract's checks apply
 * (ICD-10 form, a level, a catalogue version of 1–64 characters), plus an explicit
 * {@code primaryLevelDisease}: a missing flag would silently mean "no", and it decides payment.
 */
public record CatalogueEntryRequest(String icd10Prefix, String lowestInpatientLevel, Boolean primaryLevelDisease,
                                    String catalogueVersion) {

    GuidanceCatalogueEntry toEntry(Icd10Code prefix, Instant at) {
        RequestFields.requireSame("icd10Prefix", icd10Prefix, prefix.value());
        if (primaryLevelDisease == null) {
            throw ContractViolation.missing("primaryLevelDisease");
        }
        Level level = RequestFields.constant("lowestInpatientLevel", lowestInpatientLevel, Level.class);
        return new GuidanceCatalogueEntry(EventId.random(), at, prefix, level, primaryLevelDisease,
                catalogueVersion);
    }
}

package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;

import java.time.Instant;

/**
 * States, for diagnoses under an ICD-10 prefix, the lowest level that should admit them
 * (住院病种引导目录); upward referrals of such diseases from that level or lower are flagged.
 *
 * @param primaryLevelDisease a 基层病种, paid the same at every level
 * @param catalogueVersion    the catalogue edition this entry belongs to (area-specific)
 */
public record GuidanceCatalogueEntry(
        EventId eventId,
        Instant occurredAt,
        Icd10Code icd10Prefix,
        Level lowestInpatientLevel,
        boolean primaryLevelDisease,
        String catalogueVersion) implements MatrixSnapshot {

    public GuidanceCatalogueEntry {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(icd10Prefix, "icd10Prefix");
        Checks.present(lowestInpatientLevel, "lowestInpatientLevel");
        Checks.text(catalogueVersion, "catalogueVersion", 64);
    }

    public boolean covers(Icd10Code diagnosis) {
        return diagnosis.isUnder(icd10Prefix);
    }
}

package cn.hunan.mma.events.scoring;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;

/** What a score is about; areas are named by their division code, the rest by their id. */
public enum ScoredEntityKind {
    INSTITUTION, ALLIANCE, COUNTY, CITY, PROVINCE;

    /** Refuses an entity id that is not of this kind's form (MALFORMED_ID / MALFORMED_DIVISION_CODE). */
    public String requireEntityId(String entityId) {
        try {
            switch (this) {
                case INSTITUTION -> InstitutionId.of(entityId);
                case ALLIANCE -> AllianceId.of(entityId);
                default -> DivisionCode.of(entityId);
            }
        } catch (ContractViolation e) {
            throw e.atField("entityId");
        }
        return entityId;
    }
}

package cn.hunan.mma.events.prevention;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.PatientPseudonym;

import java.time.Instant;

/**
 * States that a managed chronic patient was followed up (随访), where, and whether the condition
 * was under control at that visit.
 *
 * @param followUpLevel the level of the place the follow-up happened (village/township counts
 *                      towards "managed near home")
 */
public record ChronicFollowUpRecorded(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        PatientPseudonym patient,
        ChronicCondition condition,
        Level followUpLevel,
        boolean controlled,
        @OptionalField EventId correctsEventId) implements PreventionEvent {

    public ChronicFollowUpRecorded {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(patient, "patient");
        Checks.present(condition, "condition");
        Checks.present(followUpLevel, "followUpLevel");
    }
}

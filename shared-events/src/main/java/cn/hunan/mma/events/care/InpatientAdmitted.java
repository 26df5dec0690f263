package cn.hunan.mma.events.care;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/**
 * States that a patient was admitted ({@code occurredAt} is the admission time).
 *
 * @param referralId the referral that brought the patient, if any
 * @param episodeId  links this stay to the referring stay, so the deductible runs on
 */
public record InpatientAdmitted(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        PatientPseudonym patient,
        DivisionCode residenceDivision,
        Icd10Code admittingDiagnosis,
        @OptionalField ReferralId referralId,
        @OptionalField EpisodeId episodeId,
        @OptionalField EventId correctsEventId) implements InpatientEvent {

    public InpatientAdmitted {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.present(patient, "patient");
        Checks.present(residenceDivision, "residenceDivision");
        Checks.present(admittingDiagnosis, "admittingDiagnosis");
    }
}

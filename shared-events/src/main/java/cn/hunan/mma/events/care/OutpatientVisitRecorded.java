package cn.hunan.mma.events.care;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/**
 * States that a patient was seen in an outpatient or emergency clinic (门急诊), with the
 * diagnosis and what it cost.
 *
 * @param contractedFamilyDoctor the patient has a family-doctor contract (for first-visit indicators)
 * @param referralId             the referral the visit was booked through, if any
 */
public record OutpatientVisitRecorded(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        VisitKind visitKind,
        PatientPseudonym patient,
        DivisionCode residenceDivision,
        Icd10Code diagnosis,
        Charges charges,
        boolean contractedFamilyDoctor,
        @OptionalField ReferralId referralId,
        @OptionalField EventId correctsEventId) implements CareEvent {

    public OutpatientVisitRecorded {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.present(visitKind, "visitKind");
        Checks.present(patient, "patient");
        Checks.present(residenceDivision, "residenceDivision");
        Checks.present(diagnosis, "diagnosis");
        Checks.present(charges, "charges");
    }
}

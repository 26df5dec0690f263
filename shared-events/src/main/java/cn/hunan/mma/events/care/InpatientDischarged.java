package cn.hunan.mma.events.care;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * States that an inpatient stay ended, with the settlement-list facts scoring and DRG/DIP
 * settlement need ({@code occurredAt} is the discharge time).
 *
 * @param insuredAreaDivision where the patient is insured (参保地): out-of-area care is charged to it
 * @param procedures          operations and procedures, principal first; empty when none
 * @param lengthOfStayDays    住院天数 as the front sheet states it
 * @param episodeId           links a referred patient's stays, so the deductible runs on
 */
public record InpatientDischarged(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        DepartmentId departmentId,
        PatientPseudonym patient,
        DivisionCode residenceDivision,
        DivisionCode insuredAreaDivision,
        Icd10Code principalDiagnosis,
        List<Icd9Cm3Code> procedures,
        DrgCode drgGroup,
        Charges charges,
        DischargeMode dischargeMode,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        int lengthOfStayDays,
        @OptionalField EpisodeId episodeId,
        @OptionalField EventId correctsEventId) implements InpatientEvent {

    public InpatientDischarged {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(departmentId, "departmentId");
        Checks.present(patient, "patient");
        Checks.present(residenceDivision, "residenceDivision");
        Checks.present(insuredAreaDivision, "insuredAreaDivision");
        Checks.present(principalDiagnosis, "principalDiagnosis");
        procedures = Checks.list(procedures, "procedures");
        Checks.present(drgGroup, "drgGroup");
        Checks.present(charges, "charges");
        Checks.present(dischargeMode, "dischargeMode");
        Checks.present(admissionDate, "admissionDate");
        Checks.present(dischargeDate, "dischargeDate");
        Checks.require(!dischargeDate.isBefore(admissionDate), "dischargeDate",
                "the discharge date cannot be before the admission date");
        // A stay is reported once it has ended: a discharge dated after its own report (a typo of the year, say) would
        // be settled into a year no close of today counts.
        Checks.require(!dischargeDate.isAfter(occurredAt.atZone(Period.ZONE).toLocalDate()), "dischargeDate",
                "the discharge date cannot be after the day the discharge was reported (occurredAt, Beijing time)");
        Checks.nonNegative(lengthOfStayDays, "lengthOfStayDays");
    }
}

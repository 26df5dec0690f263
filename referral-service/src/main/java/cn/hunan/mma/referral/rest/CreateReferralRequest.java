package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.referral.domain.ReferralApplication;
import cn.hunan.mma.referral.persistence.ClinicalRecordText;

import java.util.List;
import java.util.function.Supplier;

/**
 * A referral as the sending doctor submits it. The patient is a pseudonym, never a national ID.
 *
 * @param continuesReferralId the referral whose episode this one continues (e.g. the downward
 *                            referral after an upward one), so both stays share one deductible
 * @param courseSummary       诊疗经过 for the shared record
 */
public record CreateReferralRequest(String senderInstitutionId, String senderDepartmentId, String receiverInstitutionId,
                                    String receiverDepartmentId, String patientPseudonym, String diagnosis, String reason,
                                    List<ReferralCriterion> criteriaMet, Urgency urgency, List<String> attachmentRefs,
                                    String courseSummary, String continuesReferralId) {

    /** Malformed or missing values throw {@link ContractViolation}: 400 problem+json naming the field. */
    ReferralApplication toApplication(ReferralId id, EpisodeId episode) {
        return new ReferralApplication(id, episode,
                new ReferralParty(field("senderInstitutionId", () -> InstitutionId.of(required(senderInstitutionId, "senderInstitutionId"))),
                        field("senderDepartmentId", () -> DepartmentId.of(required(senderDepartmentId, "senderDepartmentId")))),
                new ReferralParty(field("receiverInstitutionId", () -> InstitutionId.of(required(receiverInstitutionId, "receiverInstitutionId"))),
                        field("receiverDepartmentId", () -> DepartmentId.of(required(receiverDepartmentId, "receiverDepartmentId")))),
                field("patientPseudonym", () -> PatientPseudonym.of(required(patientPseudonym, "patientPseudonym"))),
                field("diagnosis", () -> Icd10Code.of(required(diagnosis, "diagnosis"))),
                required(reason, "reason"),
                criteriaMet == null ? List.of() : criteriaMet,
                urgency == null ? Urgency.ROUTINE : urgency,
                attachmentRefs == null ? List.of() : attachmentRefs);
    }

    ClinicalRecordText record() {
        return new ClinicalRecordText(courseSummary, null, null);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ContractViolation.missing(field);
        }
        return value;
    }

    private static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ContractViolation violation) {
            throw violation.field() == null ? violation.atField(name) : violation;
        }
    }
}

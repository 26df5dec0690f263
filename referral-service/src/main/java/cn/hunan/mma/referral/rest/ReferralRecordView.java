package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.persistence.ReferralEntity;

import java.time.Instant;
import java.util.List;

/**
 * The shared referral record with the data elements of WS/T 483 EHR-SD-20 转诊（院）记录: both
 * institutions and departments, the referral date, reason, diagnosis, course summary (诊疗经过),
 * treatment plan (治疗计划), rehabilitation guidance (康复指导); plus the outcome and the discharge
 * summary reference (WS/T 500 C0053) returned to the sender when the loop closes.
 */
public record ReferralRecordView(String referralId, String episodeId, String direction,
                                 String senderInstitutionId, String senderDepartmentId,
                                 String receiverInstitutionId, String receiverDepartmentId,
                                 Instant referralDate, String patientPseudonym, String reason, String diagnosis,
                                 List<String> criteriaMet, String courseSummary, String treatmentPlan,
                                 String rehabilitationGuidance, List<String> attachmentRefs, String outcome,
                                 String dischargeSummaryRef, String status) {

    static ReferralRecordView of(ReferralEntity r) {
        return new ReferralRecordView(r.id(), r.episodeId(), r.direction().name(),
                r.sender().institutionId().value(), r.sender().departmentId().value(),
                r.receiver().institutionId().value(), r.receiver().departmentId().value(),
                r.requestedAt(), r.patientPseudonym(), r.reason(), r.diagnosis(),
                r.criteria().stream().map(Enum::name).toList(), r.courseSummary(), r.treatmentPlan(),
                r.rehabilitationGuidance(), r.attachmentRefs(), r.outcome(), r.dischargeSummaryRef(), r.status().name());
    }
}

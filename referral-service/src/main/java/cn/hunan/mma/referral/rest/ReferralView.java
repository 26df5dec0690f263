package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.domain.ReferralAction;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A referral as the API shows it, with the actions the caller may take next and the version to
 * send back in If-Match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(String referralId, String episodeId, String status, long version, String direction,
                           String urgency, boolean reviewRequired, Party sender, Party receiver, String patientPseudonym,
                           String diagnosis, String reason, List<String> criteriaMet, List<String> flags,
                           List<String> attachmentRefs, String rejectionCode, String rejectionReason,
                           String onwardInstitutionId, String reservationKind, String reservationId,
                           Instant appointmentAt, String outcome, String dischargeSummaryRef, Instant requestedAt,
                           Instant updatedAt, List<String> allowedActions) {

    public record Party(String institutionId, String departmentId, String divisionCode) {
    }

    static ReferralView of(ReferralEntity r, Set<ReferralAction> allowedForCaller) {
        return new ReferralView(r.id(), r.episodeId(), r.status().name(), r.version(), r.direction().name(),
                r.urgency().name(), r.reviewRequired(),
                new Party(r.sender().institutionId().value(), r.sender().departmentId().value(), r.senderDivision().value()),
                new Party(r.receiver().institutionId().value(), r.receiver().departmentId().value(), r.receiverDivision().value()),
                r.patientPseudonym(), r.diagnosis(), r.reason(), r.criteria().stream().map(Enum::name).toList(),
                r.flags().stream().map(Enum::name).toList(), r.attachmentRefs(), r.rejectionCode(), r.rejectionReason(),
                r.onwardInstitutionId(), r.reservationKind(), r.reservationId(), r.appointmentAt(), r.outcome(),
                r.dischargeSummaryRef(), r.requestedAt(), r.updatedAt(),
                allowedForCaller.stream().sorted().map(ReferralAction::slug).toList());
    }
}

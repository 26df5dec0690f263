package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.referral.domain.ReferralAction;
import cn.hunan.mma.referral.domain.ReferralCommand;
import cn.hunan.mma.referral.persistence.ClinicalRecordText;
import cn.hunan.mma.referral.service.SlotChoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of an action on a referral; each action reads the fields it needs and ignores the rest
 * (approve, accept, arrive, no-show and start-treatment need none, so the body may be empty).
 *
 * @param reasonCode           reject: why (CAPACITY_FULL, OUTSIDE_SCOPE, …)
 * @param reason               reject and cancel: the explanation
 * @param onwardInstitutionId  reject: where the receiver suggests sending the patient instead
 * @param reservationKind      schedule: SLOT or BED
 * @param sessionDate          schedule a SLOT: the clinic session's date (China Standard Time)
 * @param sessionPeriod        schedule a SLOT: AM, PM or EVENING
 * @param appointmentAt        schedule: when the patient is expected (a slot defaults to the session's opening); not past,
 *                             and a slot's in its session (ScheduleTiming)
 * @param patientWithdrew      cancel: the patient called it off
 * @param outcome              complete: the treatment outcome returned to the sender
 * @param dischargeSummaryRef  complete: where the sender finds the discharge summary (出院小结)
 * @param note                 follow-up: what the sender found
 * @param treatmentPlan        any step of the receiver: 治疗计划 for the shared record
 * @param rehabilitationGuidance any step of the receiver: 康复指导 for the shared record
 */
public record ActionRequest(RejectionCode reasonCode, String reason, String onwardInstitutionId,
                            ReservationKind reservationKind, LocalDate sessionDate, SessionPeriod sessionPeriod,
                            Instant appointmentAt, Boolean patientWithdrew,
                            TreatmentOutcome outcome, String dischargeSummaryRef, String note,
                            String treatmentPlan, String rehabilitationGuidance) {

    static final ActionRequest EMPTY = new ActionRequest(null, null, null, null, null, null, null, null, null, null, null, null, null);

    ReferralCommand toCommand(ReferralAction action) {
        return switch (action) {
            case APPROVE -> new ReferralCommand.Approve();
            case ACCEPT -> new ReferralCommand.Accept();
            case REJECT -> new ReferralCommand.Reject(required(reasonCode, "reasonCode"), reason,
                    Optional.ofNullable(onwardInstitutionId).map(InstitutionId::of));
            case SCHEDULE -> new ReferralCommand.Schedule(required(reservationKind, "reservationKind"),
                    reservationKind.name() + "-" + UUID.randomUUID(),
                    appointmentAt != null ? appointmentAt
                            : slot().map(SlotChoice::startsAt).orElseThrow(() -> ContractViolation.missing("appointmentAt")));
            case ARRIVE -> new ReferralCommand.Arrive();
            case NO_SHOW -> new ReferralCommand.RecordNoShow();
            case CANCEL -> new ReferralCommand.Cancel(Boolean.TRUE.equals(patientWithdrew), reason);
            case START_TREATMENT -> new ReferralCommand.StartTreatment();
            case COMPLETE -> new ReferralCommand.Complete(required(outcome, "outcome"), dischargeSummaryRef);
            case FOLLOW_UP -> new ReferralCommand.FollowUp(Optional.ofNullable(note));
        };
    }

    /** The session a SLOT is held in; both fields are required for one. */
    Optional<SlotChoice> slot() {
        if (reservationKind != ReservationKind.SLOT) {
            return Optional.empty();
        }
        return Optional.of(new SlotChoice(required(sessionDate, "sessionDate"), required(sessionPeriod, "sessionPeriod")));
    }

    ClinicalRecordText recordAmendment() {
        return new ClinicalRecordText(null, treatmentPlan, rehabilitationGuidance);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ContractViolation.missing(field);
        }
        return value;
    }
}

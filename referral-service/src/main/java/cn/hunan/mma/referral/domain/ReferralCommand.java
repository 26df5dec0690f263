package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.CancellingParty;
import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralArrived;
import cn.hunan.mma.events.referral.ReferralCancelled;
import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralFollowedUp;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.referral.ReferralPlatformApproved;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReferralTreatmentStarted;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a party asks of a referral. The referral decides whether it may happen
 * ({@link Referral#decide}); the command only knows which event states it once allowed.
 */
public sealed interface ReferralCommand {

    ReferralAction action();

    /**
     * The event stating this command's transition of {@code referral}.
     *
     * @throws ContractViolation when the command's details break the event contract
     */
    ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at);

    record Approve() implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.APPROVE;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralPlatformApproved(eventId, at, referral.id());
        }
    }

    record Accept() implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.ACCEPT;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralAccepted(eventId, at, referral.id());
        }
    }

    /** @param onward where the receiver suggests sending the patient instead (e.g. when its capacity is full) */
    record Reject(RejectionCode code, String reason, Optional<InstitutionId> onward) implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.REJECT;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            if (onward.filter(referral.receiver().institutionId()::equals).isPresent()) {
                throw ContractViolation.invalid("onwardInstitutionId", "the onward suggestion must be another institution");
            }
            return new ReferralRejected(eventId, at, referral.id(), code, reason, onward.orElse(null));
        }
    }

    /** @param reservationId the held slot or bed, as the capacity ledger names it */
    record Schedule(ReservationKind kind, String reservationId, Instant appointmentAt) implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.SCHEDULE;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralScheduled(eventId, at, referral.id(), kind, reservationId, appointmentAt);
        }
    }

    record Arrive() implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.ARRIVE;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralArrived(eventId, at, referral.id());
        }
    }

    record RecordNoShow() implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.NO_SHOW;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralNoShowRecorded(eventId, at, referral.id());
        }
    }

    /** @param patientWithdrew the patient called it off; the acting party only records it */
    record Cancel(boolean patientWithdrew, String reason) implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.CANCEL;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralCancelled(eventId, at, referral.id(), cancellingParty(actingAs), reason);
        }

        // Only the sender and the receiver may cancel, so one of them is acting.
        private CancellingParty cancellingParty(Set<Party> actingAs) {
            if (patientWithdrew) {
                return CancellingParty.PATIENT;
            }
            return actingAs.contains(Party.SENDER) ? CancellingParty.SENDER : CancellingParty.RECEIVER;
        }
    }

    record StartTreatment() implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.START_TREATMENT;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralTreatmentStarted(eventId, at, referral.id());
        }
    }

    /** @param dischargeSummaryRef where the sender finds the discharge summary (出院小结) */
    record Complete(TreatmentOutcome outcome, String dischargeSummaryRef) implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.COMPLETE;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralCompleted(eventId, at, referral.id(), outcome, dischargeSummaryRef);
        }
    }

    record FollowUp(Optional<String> note) implements ReferralCommand {
        public ReferralAction action() {
            return ReferralAction.FOLLOW_UP;
        }

        public ReferralEvent stated(Referral referral, Set<Party> actingAs, EventId eventId, Instant at) {
            return new ReferralFollowedUp(eventId, at, referral.id(), referral.sender().institutionId(), note.orElse(null));
        }
    }
}

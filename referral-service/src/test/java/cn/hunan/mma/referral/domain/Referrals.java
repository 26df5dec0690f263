package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;
import java.util.Optional;

/** Fixtures in the domain's words: a township centre in 湘潭县 referring up to the county hospital. */
final class Referrals {

    static final InstitutionId TOWNSHIP_CENTRE = InstitutionId.of("430321T0001");
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final ReferralParty SENDER = new ReferralParty(TOWNSHIP_CENTRE, DepartmentId.of("GENERAL"));
    static final ReferralParty RECEIVER = new ReferralParty(COUNTY_HOSPITAL, DepartmentId.of("CARDIO"));
    static final Instant NOW = Instant.parse("2026-03-18T02:00:00Z");

    private Referrals() {
    }

    static Referral in(ReferralStatus status, boolean reviewRequired) {
        return new Referral(ReferralId.of("R-1"), EpisodeId.of("E-1"), SENDER, RECEIVER, status, reviewRequired);
    }

    /** A command for the action with valid details. */
    static ReferralCommand commandFor(ReferralAction action) {
        return switch (action) {
            case APPROVE -> new ReferralCommand.Approve();
            case ACCEPT -> new ReferralCommand.Accept();
            case REJECT -> new ReferralCommand.Reject(RejectionCode.CAPACITY_FULL, "no cardiology beds this week",
                    Optional.of(InstitutionId.of("430300H0002")));
            case SCHEDULE -> new ReferralCommand.Schedule(ReservationKind.SLOT, "S-42", NOW.plusSeconds(86_400));
            case ARRIVE -> new ReferralCommand.Arrive();
            case NO_SHOW -> new ReferralCommand.RecordNoShow();
            case CANCEL -> new ReferralCommand.Cancel(false, "patient admitted elsewhere");
            case START_TREATMENT -> new ReferralCommand.StartTreatment();
            case COMPLETE -> new ReferralCommand.Complete(TreatmentOutcome.IMPROVED, "ehr://430321H0001/discharge/77");
            case FOLLOW_UP -> new ReferralCommand.FollowUp(Optional.of("blood pressure controlled"));
        };
    }

    static EventId anEventId() {
        return EventId.of("0f8fad5b-d9cb-469f-a165-70867728950e");
    }
}

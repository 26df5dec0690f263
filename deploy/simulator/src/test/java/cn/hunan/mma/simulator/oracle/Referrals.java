package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralArrived;
import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReferralTreatmentStarted;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.util.List;

import static cn.hunan.mma.simulator.oracle.Events.cst;
import static cn.hunan.mma.simulator.oracle.Events.id;
import static cn.hunan.mma.simulator.oracle.Events.patient;

/** Referral lifecycle events for the tests: one referral id, its transitions on given CST days. */
final class Referrals {

    private static final DepartmentId DEPARTMENT = DepartmentId.of("internal-medicine");

    private final ReferralId referral;

    private Referrals(String referralId) {
        this.referral = ReferralId.of(referralId);
    }

    static Referrals referral(String referralId) {
        return new Referrals(referralId);
    }

    ReferralRequested requested(InstitutionId from, InstitutionId to, ReferralDirection direction, String on) {
        List<ReferralCriterion> criteria = direction == ReferralDirection.DOWN
                ? List.of(ReferralCriterion.DIAGNOSIS_CLEAR_CONDITION_STABLE)
                : List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY);
        return new ReferralRequested(eventId("requested"), cst(on), referral, EpisodeId.of("EP-" + referral),
                new ReferralParty(from, DEPARTMENT), new ReferralParty(to, DEPARTMENT), patient("referred " + referral),
                Icd10Code.of("I63.900"), "needs care at another level", criteria, direction, Urgency.ROUTINE, false, List.of());
    }

    ReferralAccepted accepted(String on) {
        return new ReferralAccepted(eventId("accepted"), cst(on), referral);
    }

    ReferralRejected rejected(String on) {
        return new ReferralRejected(eventId("rejected"), cst(on), referral, RejectionCode.CAPACITY_FULL, "no beds", null);
    }

    ReferralScheduled scheduled(String on) {
        return new ReferralScheduled(eventId("scheduled"), cst(on), referral, ReservationKind.BED, "BED-" + referral, cst(on).plusSeconds(86_400));
    }

    ReferralNoShowRecorded noShow(String on) {
        return new ReferralNoShowRecorded(eventId("no-show"), cst(on), referral);
    }

    ReferralArrived arrived(String on) {
        return new ReferralArrived(eventId("arrived"), cst(on), referral);
    }

    ReferralTreatmentStarted treatmentStarted(String on) {
        return new ReferralTreatmentStarted(eventId("treatment"), cst(on), referral);
    }

    ReferralCompleted completed(String on) {
        return new ReferralCompleted(eventId("completed"), cst(on), referral, TreatmentOutcome.IMPROVED, "SUMMARY-" + referral);
    }

    private EventId eventId(String transition) {
        return id(referral + " " + transition);
    }
}

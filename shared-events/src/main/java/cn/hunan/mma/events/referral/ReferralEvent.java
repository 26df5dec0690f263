package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.value.ReferralId;

/**
 * One transition of a referral's lifecycle (REQUESTED → … → FOLLOWED_UP), keyed by the referral
 * id so that a referral's events stay in order on one partition. The referral service enforces
 * the state machine; these records state transitions that happened.
 */
public sealed interface ReferralEvent extends ContractRecord
        permits ReferralRequested, ReferralPlatformApproved, ReferralAccepted, ReferralRejected,
                ReferralScheduled, ReferralArrived, ReferralNoShowRecorded, ReferralCancelled,
                ReferralTreatmentStarted, ReferralCompleted, ReferralFollowedUp {

    ReferralId referralId();
}

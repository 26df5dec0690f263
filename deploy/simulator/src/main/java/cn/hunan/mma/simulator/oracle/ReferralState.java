package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralArrived;
import cn.hunan.mma.events.referral.ReferralCancelled;
import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralFollowedUp;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.referral.ReferralPlatformApproved;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReferralTreatmentStarted;

/**
 * The states of the referral lifecycle (DOMAIN §5) with their step along it. The state machine
 * only moves forward, so the deepest state a referral's events reached is its final state
 * whatever order the events arrive in.
 */
enum ReferralState {
    REQUESTED(0),
    PLATFORM_APPROVED(1),
    ACCEPTED(2),
    REJECTED(2),
    SCHEDULED(3),
    ARRIVED(4),
    NO_SHOW(4),
    CANCELLED(4),
    IN_TREATMENT(5),
    COMPLETED(6),
    FOLLOWED_UP(7);

    private final int step;

    ReferralState(int step) {
        this.step = step;
    }

    int step() {
        return step;
    }

    /** The receiver took the patient on: every state after acceptance, whatever happened next. */
    boolean wasAccepted() {
        return step >= ACCEPTED.step && this != REJECTED;
    }

    /** The outcome went back to the sender: the loop is closed. */
    boolean closedTheLoop() {
        return this == COMPLETED || this == FOLLOWED_UP;
    }

    static ReferralState reachedBy(ReferralEvent event) {
        if (event instanceof ReferralRequested) {
            return REQUESTED;
        } else if (event instanceof ReferralPlatformApproved) {
            return PLATFORM_APPROVED;
        } else if (event instanceof ReferralAccepted) {
            return ACCEPTED;
        } else if (event instanceof ReferralRejected) {
            return REJECTED;
        } else if (event instanceof ReferralScheduled) {
            return SCHEDULED;
        } else if (event instanceof ReferralArrived) {
            return ARRIVED;
        } else if (event instanceof ReferralNoShowRecorded) {
            return NO_SHOW;
        } else if (event instanceof ReferralCancelled) {
            return CANCELLED;
        } else if (event instanceof ReferralTreatmentStarted) {
            return IN_TREATMENT;
        } else if (event instanceof ReferralCompleted) {
            return COMPLETED;
        } else if (event instanceof ReferralFollowedUp) {
            return FOLLOWED_UP;
        }
        throw new IllegalArgumentException("no lifecycle state for " + event.getClass().getSimpleName());
    }
}

package cn.hunan.mma.referral.domain;

import java.util.EnumSet;
import java.util.Set;

import static cn.hunan.mma.referral.domain.ReferralAction.ACCEPT;
import static cn.hunan.mma.referral.domain.ReferralAction.APPROVE;
import static cn.hunan.mma.referral.domain.ReferralAction.ARRIVE;
import static cn.hunan.mma.referral.domain.ReferralAction.CANCEL;
import static cn.hunan.mma.referral.domain.ReferralAction.COMPLETE;
import static cn.hunan.mma.referral.domain.ReferralAction.FOLLOW_UP;
import static cn.hunan.mma.referral.domain.ReferralAction.NO_SHOW;
import static cn.hunan.mma.referral.domain.ReferralAction.REJECT;
import static cn.hunan.mma.referral.domain.ReferralAction.SCHEDULE;
import static cn.hunan.mma.referral.domain.ReferralAction.START_TREATMENT;

/**
 * The allowed moves of DOMAIN §5: REQUESTED → (PLATFORM_APPROVED where the sender's city requires
 * review) → ACCEPTED | REJECTED → SCHEDULED → ARRIVED | NO_SHOW | CANCELLED → IN_TREATMENT →
 * COMPLETED → FOLLOWED_UP. Anything else is refused. REJECTED, NO_SHOW, CANCELLED and FOLLOWED_UP
 * end the referral.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The actions allowed from {@code status}; review decides whether a new request waits for the platform. */
    public static Set<ReferralAction> allowedFrom(ReferralStatus status, boolean reviewRequired) {
        return switch (status) {
            case REQUESTED -> reviewRequired ? EnumSet.of(APPROVE) : EnumSet.of(ACCEPT, REJECT);
            case PLATFORM_APPROVED -> EnumSet.of(ACCEPT, REJECT);
            case ACCEPTED -> EnumSet.of(SCHEDULE);
            case SCHEDULED -> EnumSet.of(ARRIVE, NO_SHOW, CANCEL);
            case ARRIVED -> EnumSet.of(START_TREATMENT);
            case IN_TREATMENT -> EnumSet.of(COMPLETE);
            case COMPLETED -> EnumSet.of(FOLLOW_UP);
            case REJECTED, NO_SHOW, CANCELLED, FOLLOWED_UP -> EnumSet.noneOf(ReferralAction.class);
        };
    }

    public static boolean isFinal(ReferralStatus status) {
        return allowedFrom(status, false).isEmpty();
    }
}

package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which stated criteria justify a referral in a direction (DOMAIN §5): upward ones (beyond local
 * capability, needs higher-level tests, critical emergency, outside licensed scope) for UP,
 * downward ones (diagnosis clear and stable, chronic long-term care, rehabilitation) for DOWN, any
 * for HORIZONTAL. OTHER, explained in the reason text, justifies any direction.
 */
public final class ReferralCriteria {

    private static final Set<ReferralCriterion> UPWARD = EnumSet.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY,
            ReferralCriterion.NEEDS_HIGHER_LEVEL_TESTS, ReferralCriterion.CRITICAL_EMERGENCY,
            ReferralCriterion.OUTSIDE_LICENSED_SCOPE);
    private static final Set<ReferralCriterion> DOWNWARD = EnumSet.of(ReferralCriterion.DIAGNOSIS_CLEAR_CONDITION_STABLE,
            ReferralCriterion.CHRONIC_LONG_TERM_CARE, ReferralCriterion.REHABILITATION);

    private ReferralCriteria() {
    }

    public static boolean justify(ReferralDirection direction, Collection<ReferralCriterion> stated) {
        return stated.stream().anyMatch(criterion -> criterion == ReferralCriterion.OTHER
                || direction == ReferralDirection.HORIZONTAL
                || (direction == ReferralDirection.UP ? UPWARD : DOWNWARD).contains(criterion));
    }
}

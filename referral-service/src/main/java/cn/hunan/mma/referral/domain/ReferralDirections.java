package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.value.Level;

/** 上转, 下转, 平转: from the two institutions' levels, never from what the sender claims. */
public final class ReferralDirections {

    private ReferralDirections() {
    }

    public static ReferralDirection between(Level sender, Level receiver) {
        if (receiver.isAbove(sender)) {
            return ReferralDirection.UP;
        }
        return receiver.isBelow(sender) ? ReferralDirection.DOWN : ReferralDirection.HORIZONTAL;
    }
}

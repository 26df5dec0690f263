package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralEvent;

/** The answer to a command: a transition and the one event that states it, or a refusal with its reason. */
public sealed interface Decision {

    record Transitioned(Referral referral, ReferralEvent event) implements Decision {
    }

    record Refused(Refusal refusal) implements Decision {
    }
}

package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralRequested;

import java.util.Set;

/** The intake's answer to an application: a requested referral with its flags and event, or a refusal. */
public sealed interface IntakeDecision {

    record Requested(Referral referral, ReferralRequested event, Set<ReferralFlag> flags) implements IntakeDecision {
        public Requested {
            flags = Set.copyOf(flags);
        }
    }

    record Refused(Refusal refusal) implements IntakeDecision {
    }
}

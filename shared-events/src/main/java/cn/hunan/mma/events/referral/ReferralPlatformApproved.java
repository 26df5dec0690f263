package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that the area's platform review approved a referral (only where the area requires review). */
public record ReferralPlatformApproved(EventId eventId, Instant occurredAt, ReferralId referralId) implements ReferralEvent {

    public ReferralPlatformApproved {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
    }
}

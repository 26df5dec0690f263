package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that the referred patient arrived at the receiving institution. */
public record ReferralArrived(EventId eventId, Instant occurredAt, ReferralId referralId) implements ReferralEvent {

    public ReferralArrived {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
    }
}

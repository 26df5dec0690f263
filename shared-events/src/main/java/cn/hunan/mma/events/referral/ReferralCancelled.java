package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that a scheduled referral was called off; the held slot or bed is released. */
public record ReferralCancelled(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        CancellingParty cancelledBy,
        String reason) implements ReferralEvent {

    public ReferralCancelled {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(cancelledBy, "cancelledBy");
        Checks.text(reason, "reason", 2000);
    }
}

package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that the referred patient did not come; the held slot or bed is released. */
public record ReferralNoShowRecorded(EventId eventId, Instant occurredAt, ReferralId referralId) implements ReferralEvent {

    public ReferralNoShowRecorded {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
    }
}

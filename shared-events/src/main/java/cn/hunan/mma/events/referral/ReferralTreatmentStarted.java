package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that the receiving institution started treating the referred patient. */
public record ReferralTreatmentStarted(EventId eventId, Instant occurredAt, ReferralId referralId) implements ReferralEvent {

    public ReferralTreatmentStarted {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
    }
}

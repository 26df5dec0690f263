package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/** States that the patient was followed up after a completed referral, and by whom. */
public record ReferralFollowedUp(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        InstitutionId followedUpBy,
        @OptionalField String note) implements ReferralEvent {

    public ReferralFollowedUp {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(followedUpBy, "followedUpBy");
        Checks.optionalText(note, "note", 2000);
    }
}

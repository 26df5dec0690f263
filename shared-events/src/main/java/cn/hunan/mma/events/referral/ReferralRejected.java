package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/**
 * States that the receiving institution declined a referral; reserved capacity is released.
 *
 * @param onwardInstitutionId where the receiver suggests sending the patient instead, if anywhere
 */
public record ReferralRejected(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        RejectionCode reasonCode,
        String reasonText,
        @OptionalField InstitutionId onwardInstitutionId) implements ReferralEvent {

    public ReferralRejected {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(reasonCode, "reasonCode");
        Checks.text(reasonText, "reasonText", 2000);
    }
}

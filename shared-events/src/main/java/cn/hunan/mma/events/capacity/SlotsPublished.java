package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/**
 * States the slots an institution opens for a session, and how many of them are held back for
 * referrals (a local rule sets the share, commonly at least 20% of expert slots).
 */
public record SlotsPublished(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        ClinicSession session,
        int publicCount,
        int reservedForReferralCount,
        @OptionalField EventId correctsEventId) implements CapacityEvent {

    public SlotsPublished {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(session, "session");
        Checks.nonNegative(publicCount, "publicCount");
        Checks.nonNegative(reservedForReferralCount, "reservedForReferralCount");
    }

    public int totalCount() {
        return publicCount + reservedForReferralCount;
    }
}

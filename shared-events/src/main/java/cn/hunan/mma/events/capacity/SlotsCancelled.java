package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/** States that the institution withdrew slots of a session (e.g. the doctor is unavailable). */
public record SlotsCancelled(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        ClinicSession session,
        SlotChannel channel,
        @Bounds(min = 1) int count,
        @OptionalField EventId correctsEventId) implements CapacityEvent {

    public SlotsCancelled {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(session, "session");
        Checks.present(channel, "channel");
        Checks.require(count > 0, "count", "count must be at least 1");
    }
}

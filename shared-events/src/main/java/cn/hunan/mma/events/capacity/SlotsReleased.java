package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;

/**
 * States that slots of a session went to {@code channel}'s pool, in one of two ways:
 * <ul>
 * <li>{@code openedFrom} absent: {@code count} booked slots of {@code channel} went back to its pool (a referral
 *     rejected, cancelled or missed gives its held REFERRAL slot back). The channel's booked figure falls;</li>
 * <li>{@code openedFrom} set: {@code count} unused slots of that other channel were opened to {@code channel}
 *     (unused reserved slots opened to the public before the session: {@code channel} PUBLIC, {@code openedFrom}
 *     REFERRAL). They leave {@code openedFrom}'s published figure and join {@code channel}'s.</li>
 * </ul>
 *
 * @param openedFrom the channel the slots were taken from when unused slots were opened to {@code channel}; never
 *                   {@code channel} itself. Since 2026-11-25 (8). A PUBLIC release without it is read as opened from
 *                   REFERRAL: before the field, referral-service was the only producer of PUBLIC releases and sent
 *                   them only for its openings, so that is what every such record on the topic means; a public
 *                   booking given back has no release statement (none was ever sent).
 */
public record SlotsReleased(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        ClinicSession session,
        SlotChannel channel,
        @Bounds(min = 1) int count,
        @OptionalField SlotChannel openedFrom,
        @OptionalField EventId correctsEventId) implements CapacityEvent {

    public SlotsReleased {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(session, "session");
        Checks.present(channel, "channel");
        Checks.require(count > 0, "count", "count must be at least 1");
        if (openedFrom == null && channel == SlotChannel.PUBLIC) {
            // Read here, once, so that every consumer reads a record from before the field as its producer meant it.
            openedFrom = SlotChannel.REFERRAL;
        }
        Checks.require(openedFrom != channel, "openedFrom", "openedFrom must be another channel than channel");
    }

    /** Slots given back to {@code channel}'s pool, or (PUBLIC) opened from REFERRAL, as before {@code openedFrom}. */
    public SlotsReleased(EventId eventId, Instant occurredAt, InstitutionId institutionId, ClinicSession session,
                         SlotChannel channel, int count, EventId correctsEventId) {
        this(eventId, occurredAt, institutionId, session, channel, count, null, correctsEventId);
    }

    /** Whether unused slots were opened to {@code channel} from {@code openedFrom}, rather than booked ones given back. */
    public boolean opensSlots() {
        return openedFrom != null;
    }
}

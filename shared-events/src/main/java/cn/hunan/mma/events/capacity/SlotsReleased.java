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
 *                   {@code channel} itself. Since 2026-11-25 (8). Absent, a release is a booking given back on either
 *                   channel — hospitals' systems produce capacity events too (DOMAIN.md §4) and give public bookings
 *                   back — so an opening must say so. referral-service's openings sent before the field (PUBLIC, no
 *                   {@code openedFrom}) read as public bookings given back: public availability comes out the same,
 *                   and the referral channel shows the opened slots as still free until their session, at most a day
 *                   later (openings are made the day before).
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
        Checks.require(openedFrom != channel, "openedFrom", "openedFrom must be another channel than channel");
    }

    /** Booked slots given back to {@code channel}'s pool. */
    public SlotsReleased(EventId eventId, Instant occurredAt, InstitutionId institutionId, ClinicSession session,
                         SlotChannel channel, int count, EventId correctsEventId) {
        this(eventId, occurredAt, institutionId, session, channel, count, null, correctsEventId);
    }

    /** Whether unused slots were opened to {@code channel} from {@code openedFrom}, rather than booked ones given back. */
    public boolean opensSlots() {
        return openedFrom != null;
    }
}

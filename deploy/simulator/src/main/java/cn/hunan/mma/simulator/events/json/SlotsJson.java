package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;

import java.util.SplittableRandom;

/**
 * Slot changes of one clinic session: {@code SlotsPublished} (public and reserved counts) or
 * {@code SlotsBooked} / {@code SlotsReleased} / {@code SlotsCancelled} (a channel and a count; a release that opens
 * unused slots also names the channel they came from).
 */
public final class SlotsJson extends HospitalReportJson {

    private EventKind kind;
    public String departmentId;
    public long sessionEpochDay;
    public SessionPeriod period;
    public boolean expert;
    public int publicCount;
    public int reservedCount;
    public SlotChannel channel;
    public int count;
    /** A release that opens unused slots of this channel to {@link #channel}; null for a booking given back. */
    public SlotChannel openedFrom;

    public SlotsJson as(EventKind kind) {
        if (kind != EventKind.SLOTS_PUBLISHED && kind != EventKind.SLOTS_BOOKED
                && kind != EventKind.SLOTS_RELEASED && kind != EventKind.SLOTS_CANCELLED) {
            throw new IllegalArgumentException(kind + " is not a slot event");
        }
        this.kind = kind;
        // The instance is reused for every slot event: only the release that opens slots sets it again.
        this.openedFrom = null;
        return this;
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        out.raw(Fields.SESSION).ascii(departmentId).raw(Fields.SESSION_DATE).date(sessionEpochDay)
                .raw(Fields.SESSION_PERIOD).ascii(period.name()).raw(Fields.SESSION_EXPERT).bool(expert);
        if (kind == EventKind.SLOTS_PUBLISHED) {
            out.raw(Fields.PUBLIC_COUNT).number(publicCount).raw(Fields.RESERVED_COUNT).number(reservedCount);
        } else {
            out.raw(Fields.CHANNEL).ascii(channel.name()).raw(Fields.COUNT).number(count);
            if (openedFrom != null) {
                Fields.text(out, Fields.OPENED_FROM, openedFrom.name());
            }
        }
    }

    /** A recount: one slot more or fewer. */
    @Override
    public void amend(SplittableRandom random) {
        int change = random.nextBoolean() ? 1 : -1;
        if (kind == EventKind.SLOTS_PUBLISHED) {
            publicCount = Math.max(0, publicCount + change);
        } else {
            count = Math.max(1, count + change);
        }
    }
}

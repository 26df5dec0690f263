package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;

import java.time.Instant;
import java.time.LocalDate;

/** What one department of 湘潭县人民医院 reports, in the tests' words. */
final class CapacityReports {

    static final Instant NINE_AM = Instant.parse("2025-03-14T01:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 17);
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final DepartmentId CARDIOLOGY = DepartmentId.of("CARDIO");
    static final DepartmentKey COUNTY_CARDIOLOGY = new DepartmentKey(COUNTY_HOSPITAL, CARDIOLOGY);
    static final SessionKey MONDAY_MORNING = new SessionKey(COUNTY_CARDIOLOGY, MONDAY, SessionPeriod.AM);

    private CapacityReports() {
    }

    static SlotsPublished published(int publicCount, int reservedCount) {
        return publishedOn(MONDAY, publicCount, reservedCount, NINE_AM);
    }

    static SlotsPublished publishedOn(LocalDate date, int publicCount, int reservedCount, Instant at) {
        return new SlotsPublished(EventId.random(), at, COUNTY_HOSPITAL,
                session(date), publicCount, reservedCount, null);
    }

    static SlotsPublished publishedCorrecting(EventId corrected, int publicCount, int reservedCount) {
        return new SlotsPublished(EventId.random(), NINE_AM, COUNTY_HOSPITAL, session(MONDAY), publicCount,
                reservedCount, corrected);
    }

    static SlotsBooked booked(SlotChannel channel, int count) {
        return bookedAt(channel, count, NINE_AM);
    }

    static SlotsBooked bookedAt(SlotChannel channel, int count, Instant at) {
        return new SlotsBooked(EventId.random(), at, COUNTY_HOSPITAL, session(MONDAY), channel, count, null);
    }

    static SlotsBooked bookedCorrecting(EventId corrected, int count) {
        return new SlotsBooked(EventId.random(), NINE_AM, COUNTY_HOSPITAL, session(MONDAY), SlotChannel.PUBLIC,
                count, corrected);
    }

    static SlotsReleased released(SlotChannel channel, int count) {
        return new SlotsReleased(EventId.random(), NINE_AM, COUNTY_HOSPITAL, session(MONDAY), channel, count, null);
    }

    /** referral-service's afternoon-before opening of unused reserved slots to the public. */
    static SlotsReleased openedToPublic(int count) {
        return new SlotsReleased(EventId.random(), NINE_AM, COUNTY_HOSPITAL, session(MONDAY), SlotChannel.PUBLIC, count,
                SlotChannel.REFERRAL, null);
    }

    static SlotsCancelled cancelled(SlotChannel channel, int count) {
        return new SlotsCancelled(EventId.random(), NINE_AM, COUNTY_HOSPITAL, session(MONDAY), channel, count, null);
    }

    static BedStatusReported beds(int total, int occupied, int reserved, Instant at) {
        return new BedStatusReported(EventId.random(), at, COUNTY_HOSPITAL, CARDIOLOGY, total, occupied, reserved, null);
    }

    static BedStatusReported bedsCorrecting(BedStatusReported corrected, int total, int occupied, int reserved) {
        return new BedStatusReported(EventId.random(), corrected.occurredAt(), COUNTY_HOSPITAL, CARDIOLOGY,
                total, occupied, reserved, corrected.eventId());
    }

    /** referral-service's statement of the department's referral bed pool. */
    static ReservedBedsReported referralBeds(int reserved, int held, Instant at) {
        return new ReservedBedsReported(EventId.random(), at, COUNTY_HOSPITAL, CARDIOLOGY, reserved, held, null);
    }

    private static ClinicSession session(LocalDate date) {
        return new ClinicSession(CARDIOLOGY, date, SessionPeriod.AM, true);
    }
}

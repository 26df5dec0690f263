package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.json.BedStatusJson;
import cn.hunan.mma.simulator.events.json.EventKind;
import cn.hunan.mma.simulator.events.json.SlotsJson;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;

import java.util.SplittableRandom;

/**
 * Hospitals' capacity reports. County and higher hospitals publish each department's clinic
 * sessions a week ahead (morning and afternoon general clinics; weekday-morning expert clinics
 * with a reserved share for referrals), report bookings the day before and on the day, release
 * unused reserved expert slots to the public the afternoon before, and now and then cancel a
 * session. Every institution with beds reports each ward's beds every morning. Counts are
 * statistically consistent with the visits but not reconciled with them one by one.
 */
final class CapacityReports implements DailyWork {

    private static final int PUBLISH_DAYS_AHEAD = 7;

    private final double reservedExpertShare;
    private final double reservedGeneralShare;

    /**
     * @param reservedExpertShare share of expert slots held for referrals (a local rule; commonly ≥ 20%)
     */
    CapacityReports(double reservedExpertShare, double reservedGeneralShare) {
        this.reservedExpertShare = reservedExpertShare;
        this.reservedGeneralShare = reservedGeneralShare;
    }

    @Override
    public void run(CountyDay day) {
        for (Institution institution : day.model.reporting) {
            if (institution.beds() > 0) {
                reportBeds(day, institution);
            }
            if (institution.level().isAbove(Level.TOWNSHIP)) {
                for (Department department : institution.departments()) {
                    if (department.dailySlots() > 0) {
                        sessions(day, institution, department);
                    }
                }
            }
        }
    }

    private void sessions(CountyDay day, Institution institution, Department department) {
        int firstAhead = day.day == 0 ? 1 : PUBLISH_DAYS_AHEAD;
        for (int ahead = firstAhead; ahead <= PUBLISH_DAYS_AHEAD; ahead++) {
            int sessionDay = day.day + ahead;
            forEachSession(day, department, sessionDay, (period, expert, capacity, reserved) ->
                    publish(day, institution, department, sessionDay, period, expert, capacity - reserved, reserved));
        }
        forEachSession(day, department, day.day + 1, (period, expert, capacity, reserved) ->
                bookAndRelease(day, institution, department, day.day + 1, period, expert, capacity - reserved, reserved));
    }

    /** Morning and afternoon general clinics every day; expert clinics on weekday mornings. */
    private void forEachSession(CountyDay day, Department department, int sessionDay, SessionAction action) {
        int general = department.dailyGeneralSlots();
        if (general > 1) {
            int reserved = (int) Math.round(general / 2.0 * reservedGeneralShare);
            action.apply(SessionPeriod.AM, false, general - general / 2, reserved);
            action.apply(SessionPeriod.PM, false, general / 2, reserved);
        }
        int expert = department.dailyExpertSlots();
        if (expert > 0 && day.calendar.isWeekday(sessionDay)) {
            action.apply(SessionPeriod.AM, true, expert, (int) Math.ceil(expert * reservedExpertShare));
        }
    }

    private void publish(CountyDay day, Institution institution, Department department, int sessionDay,
                         SessionPeriod period, boolean expert, int publicCount, int reserved) {
        SlotsJson slots = session(day, EventKind.SLOTS_PUBLISHED, institution, department, sessionDay, period, expert);
        slots.publicCount = publicCount;
        slots.reservedCount = reserved;
        slots.occurredAt = day.at(8 * 3600 + day.random.nextInt(3600));
        day.emit(slots);
    }

    private void bookAndRelease(CountyDay day, Institution institution, Department department, int sessionDay,
                                SessionPeriod period, boolean expert, int publicCount, int reserved) {
        SplittableRandom random = day.random;
        if (random.nextDouble() < 0.01 && publicCount > 1) {
            SlotsJson cancelled = session(day, EventKind.SLOTS_CANCELLED, institution, department, sessionDay, period, expert);
            cancelled.channel = SlotChannel.PUBLIC;
            cancelled.count = 1 + random.nextInt(publicCount / 2);
            cancelled.occurredAt = day.at(18 * 3600 + random.nextInt(3600));
            day.emit(cancelled);
        }
        double demand = expert ? 0.75 + 0.25 * random.nextDouble() : 0.5 + 0.45 * random.nextDouble();
        int booked = (int) Math.round(publicCount * demand);
        if (booked > 0) {
            SlotsJson slots = session(day, EventKind.SLOTS_BOOKED, institution, department, sessionDay, period, expert);
            slots.channel = SlotChannel.PUBLIC;
            slots.count = booked;
            slots.occurredAt = day.at(10 * 3600 + random.nextInt(11 * 3600));
            day.emit(slots);
        }
        int unused = (int) Math.round(reserved * (0.4 + 0.5 * random.nextDouble()));
        if (expert && unused > 0) {
            SlotsJson released = session(day, EventKind.SLOTS_RELEASED, institution, department, sessionDay, period, expert);
            // Opened to the public from the referral pool (before 2026-11-25 (8) written as a REFERRAL release, which
            // reads as referral bookings given back: navigation showed booked −n).
            released.channel = SlotChannel.PUBLIC;
            released.openedFrom = SlotChannel.REFERRAL;
            released.count = unused;
            released.occurredAt = day.at(16 * 3600 + random.nextInt(1800));
            day.emit(released);
        }
    }

    private static SlotsJson session(CountyDay day, EventKind kind, Institution institution, Department department,
                                     int sessionDay, SessionPeriod period, boolean expert) {
        SlotsJson slots = day.slots.as(kind);
        slots.institutionId = institution.id();
        slots.departmentId = department.id();
        slots.sessionEpochDay = day.calendar.epochDay(sessionDay);
        slots.period = period;
        slots.expert = expert;
        return slots;
    }

    /** Occupancy runs highest in provincial hospitals (extra beds) and lowest in township centres. */
    private static void reportBeds(CountyDay day, Institution institution) {
        SplittableRandom random = day.random;
        double occupancy = switch (institution.level()) {
            case PROVINCE -> 1.02;
            case CITY -> 0.95;
            case COUNTY -> 0.85;
            default -> 0.62;
        };
        for (Department department : institution.departments()) {
            if (department.beds() == 0) {
                continue;
            }
            BedStatusJson beds = day.beds;
            beds.institutionId = institution.id();
            beds.departmentId = department.id();
            beds.total = department.beds();
            beds.occupied = (int) Math.max(0, Math.round(department.beds() * occupancy * (0.88 + 0.24 * random.nextDouble())));
            beds.reserved = institution.level().isAbove(Level.TOWNSHIP) ? (int) Math.round(department.beds() * 0.05) : 0;
            beds.occurredAt = day.at(7 * 3600 + 1800 + random.nextInt(3600));
            day.emit(beds);
        }
    }

    @FunctionalInterface
    private interface SessionAction {
        void apply(SessionPeriod period, boolean expert, int capacity, int reserved);
    }
}

package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.capacity.SessionPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The clinic session a referral slot is held in. */
public record SlotChoice(LocalDate date, SessionPeriod period) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** When the session opens, in China Standard Time: the patient's expected arrival unless told otherwise. */
    public Instant startsAt() {
        LocalTime opening = switch (period) {
            case AM -> LocalTime.of(8, 0);
            case PM -> LocalTime.of(14, 0);
            case EVENING -> LocalTime.of(18, 0);
        };
        return date.atTime(opening).atZone(CHINA).toInstant();
    }

    /** The opening as China Standard Time shows it, for messages. */
    public OffsetDateTime opensAt() {
        return inChina(startsAt());
    }

    /** Whether an appointment lies in this session: on its date (China Standard Time), not before it opens. */
    public boolean admits(Instant appointment) {
        return !appointment.isBefore(startsAt()) && appointment.atZone(CHINA).toLocalDate().equals(date);
    }

    static OffsetDateTime inChina(Instant at) {
        return at.atZone(CHINA).toOffsetDateTime();
    }

    /** "2026-11-28 AM", for messages. */
    public String name() {
        return date + " " + period;
    }
}

package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.capacity.SessionPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
}

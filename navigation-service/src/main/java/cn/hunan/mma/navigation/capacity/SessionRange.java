package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.value.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The clinic sessions from {@code firstPeriod} on {@code firstDay} to the last one on {@code lastDay}, both inclusive:
 * a date range whose first day may start after its morning. Recommendations count open slots over the sessions not
 * yet over ({@link #ahead}), so this morning's unused slots stop counting once the morning clinic has closed.
 */
public record SessionRange(LocalDate firstDay, SessionPeriod firstPeriod, LocalDate lastDay) {

    public SessionRange {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(firstPeriod, "firstPeriod");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    /** Every session of the days from {@code from} to {@code to}, both inclusive. */
    public static SessionRange days(LocalDate from, LocalDate to) {
        return new SessionRange(from, SessionPeriod.AM, to);
    }

    /**
     * The sessions not over at {@code now} (China Standard Time) up to the last of the {@code days} days starting
     * today; after the day's last session has closed, from tomorrow's morning.
     */
    public static SessionRange ahead(Instant now, int days) {
        LocalDateTime local = LocalDateTime.ofInstant(now, Period.ZONE);
        LocalDate today = local.toLocalDate();
        LocalDate lastDay = today.plusDays(days - 1L);
        for (SessionPeriod period : SessionPeriod.values()) {
            if (local.toLocalTime().isBefore(closingOf(period))) {
                return new SessionRange(today, period, lastDay);
            }
        }
        return new SessionRange(today.plusDays(1), SessionPeriod.AM, lastDay);
    }

    /**
     * When a session's clinic closes, China Standard Time. The events carry a period, not hours; these follow the
     * openings referral-service schedules to (AM 08:00, PM 14:00, EVENING 18:00) and the usual outpatient day:
     * the morning clinic closes at noon, the afternoon one when the evening one opens, the evening one at 21:00.
     */
    static LocalTime closingOf(SessionPeriod period) {
        return switch (period) {
            case AM -> LocalTime.NOON;
            case PM -> LocalTime.of(18, 0);
            case EVENING -> LocalTime.of(21, 0);
        };
    }

    boolean contains(SessionKey session) {
        LocalDate date = session.date();
        if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
            return false;
        }
        return !date.equals(firstDay) || session.period().compareTo(firstPeriod) >= 0;
    }
}

package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SessionPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRangeTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 17);

    @Test
    void before_noon_in_china_the_range_starts_with_this_mornings_session() {
        assertThat(SessionRange.ahead(Instant.parse("2025-03-17T03:59:00Z"), 7))
                .isEqualTo(new SessionRange(MONDAY, SessionPeriod.AM, MONDAY.plusDays(6)));
    }

    @Test
    void from_noon_the_morning_is_over_and_the_range_starts_with_the_afternoon() {
        assertThat(SessionRange.ahead(Instant.parse("2025-03-17T04:00:00Z"), 7).firstPeriod())
                .isEqualTo(SessionPeriod.PM);
        assertThat(SessionRange.ahead(Instant.parse("2025-03-17T10:00:00Z"), 7).firstPeriod())
                .isEqualTo(SessionPeriod.EVENING);
    }

    @Test
    void once_the_evening_clinic_has_closed_the_range_starts_tomorrow_morning_and_still_ends_on_the_horizons_last_day() {
        assertThat(SessionRange.ahead(Instant.parse("2025-03-17T13:00:00Z"), 7))
                .isEqualTo(new SessionRange(MONDAY.plusDays(1), SessionPeriod.AM, MONDAY.plusDays(6)));
    }

    @Test
    void the_day_is_chinas_not_utcs() {
        // 23:30 UTC on Sunday is 07:30 on Monday in China.
        assertThat(SessionRange.ahead(Instant.parse("2025-03-16T23:30:00Z"), 7))
                .isEqualTo(new SessionRange(MONDAY, SessionPeriod.AM, MONDAY.plusDays(6)));
    }

    @Test
    void holds_the_first_days_sessions_from_its_first_period_and_every_session_of_the_other_days() {
        SessionRange fromMondayAfternoon = new SessionRange(MONDAY, SessionPeriod.PM, MONDAY.plusDays(1));
        DepartmentKey department = CapacityReports.COUNTY_CARDIOLOGY;

        assertThat(fromMondayAfternoon.contains(new SessionKey(department, MONDAY, SessionPeriod.AM))).isFalse();
        assertThat(fromMondayAfternoon.contains(new SessionKey(department, MONDAY, SessionPeriod.PM))).isTrue();
        assertThat(fromMondayAfternoon.contains(new SessionKey(department, MONDAY.plusDays(1), SessionPeriod.AM)))
                .isTrue();
        assertThat(fromMondayAfternoon.contains(new SessionKey(department, MONDAY.plusDays(2), SessionPeriod.AM)))
                .isFalse();
        assertThat(fromMondayAfternoon.contains(new SessionKey(department, MONDAY.minusDays(1), SessionPeriod.EVENING)))
                .isFalse();
    }
}

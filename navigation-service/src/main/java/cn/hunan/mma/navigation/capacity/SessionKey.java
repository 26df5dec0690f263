package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;

import java.time.LocalDate;
import java.util.Objects;

/** One clinic session of one department: the unit slots are counted in. */
public record SessionKey(DepartmentKey department, LocalDate date, SessionPeriod period) {

    public SessionKey {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(period, "period");
    }

    static SessionKey of(DepartmentKey department, ClinicSession session) {
        return new SessionKey(department, session.date(), session.period());
    }
}

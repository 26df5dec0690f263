package cn.hunan.mma.events.capacity;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DepartmentId;

import java.time.LocalDate;

/**
 * One department's clinic session: the unit slots are published, booked and released in.
 *
 * @param date   the session's calendar date in China Standard Time
 * @param expert an expert clinic (专家门诊); the reserved share for referrals applies to these
 */
public record ClinicSession(DepartmentId departmentId, LocalDate date, SessionPeriod period, boolean expert) {

    public ClinicSession {
        Checks.present(departmentId, "departmentId");
        Checks.present(date, "date");
        Checks.present(period, "period");
    }
}

package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which budgets may be drafted and approved today: a year's package is computed from the whole of the year before
 * (DOMAIN.md §7), so only once that base year is over in the province's time zone. Before 2026-11-25 (4) a 2027 budget
 * could be drafted and approved in November 2026 from eleven months' spend, a package about a twelfth short frozen for
 * every close of 2027.
 *
 * <p>Approval waits a while longer: hospitals report late and correct (DOMAIN.md §"events arrive late … and are later
 * corrected"), so late December discharges and corrections are still arriving in early January. A draft may be
 * computed from 1 January (and recomputed at will), but approved — frozen — only once {@code late-report-grace} has
 * passed after the base year (default 15 days, the scorer's grace for closing a month). Before 2026-11-25 (5) a package
 * could be approved at 00:00 on 1 January.
 */
@ApplicationScoped
public class BudgetCalendar {

    private final Clock clock;
    private final Duration lateReportGrace;

    @Inject
    public BudgetCalendar(@ConfigProperty(name = "mma.settlement.budget.late-report-grace", defaultValue = "P15D")
                          Duration lateReportGrace) {
        this(Clock.systemUTC(), lateReportGrace);
    }

    /** A calendar reading another clock (tests draft budgets of years still to come). */
    public BudgetCalendar(Clock clock, Duration lateReportGrace) {
        this.clock = clock;
        this.lateReportGrace = lateReportGrace;
    }

    /** 400 naming the year when its base year is not over. */
    void requireBaseYearOver(int budgetYear) {
        int today = LocalDate.now(clock.withZone(Period.ZONE)).getYear();
        if (budgetYear - 1 >= today) {
            throw new BadRequestException("year: the " + budgetYear + " budget is computed from the whole of "
                    + (budgetYear - 1) + ", which is not over; draft it from 1 January " + budgetYear);
        }
    }

    /** Now, by this calendar's clock: drafts and approvals are stamped by it, so they are judged by the same time. */
    Instant now() {
        return clock.instant();
    }

    /** From when the base year's late reports are in: the end of the base year plus the grace. */
    Instant lateReportsIn(int budgetYear) {
        return LocalDate.of(budgetYear, 1, 1).atStartOfDay(Period.ZONE).toInstant().plus(lateReportGrace);
    }

    /** 409 naming the moment from which the budget may be approved, while the base year's late reports may still come. */
    void requireLateReportsIn(int budgetYear) {
        Instant open = lateReportsIn(budgetYear);
        if (clock.instant().isBefore(open)) {
            throw new BaseYearOpenException("the " + (budgetYear - 1) + " discharges reported late, and corrections, may "
                    + "still arrive: the " + budgetYear + " budget may be approved from " + open.atZone(Period.ZONE)
                    .toLocalDateTime() + " (Beijing time; mma.settlement.budget.late-report-grace = " + lateReportGrace
                    + "); draft it again then");
        }
    }

    /** The base year's late reports may still arrive: approving now would freeze an incomplete base (409). */
    static final class BaseYearOpenException extends RuntimeException {
        BaseYearOpenException(String message) {
            super(message);
        }
    }
}

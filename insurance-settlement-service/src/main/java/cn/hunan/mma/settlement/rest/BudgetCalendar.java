package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Which budgets may be drafted today: a year's package is computed from the whole of the year before (DOMAIN.md §7), so
 * only once that base year is over in the province's time zone. Before 2026-11-25 (4) a 2027 budget could be drafted and
 * approved in November 2026 from eleven months' spend, a package about a twelfth short frozen for every close of 2027.
 */
@ApplicationScoped
public class BudgetCalendar {

    private final Clock clock;

    public BudgetCalendar() {
        this(Clock.systemUTC());
    }

    /** A calendar reading another clock (tests draft budgets of years still to come). */
    public BudgetCalendar(Clock clock) {
        this.clock = clock;
    }

    /** 400 naming the year when its base year is not over. */
    void requireBaseYearOver(int budgetYear) {
        int today = LocalDate.now(clock.withZone(Period.ZONE)).getYear();
        if (budgetYear - 1 >= today) {
            throw new BadRequestException("year: the " + budgetYear + " budget is computed from the whole of "
                    + (budgetYear - 1) + ", which is not over; draft it from 1 January " + budgetYear);
        }
    }
}

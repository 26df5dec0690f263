package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.Checks;
import jakarta.ws.rs.BadRequestException;

/** A year in a path or query: one of the contract's calendar years, else a 400 saying what was given. */
final class CalendarYears {

    private CalendarYears() {
    }

    static int parse(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= Checks.FIRST_YEAR && year <= Checks.LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message
        }
        throw new BadRequestException("year: a calendar year such as 2026 is required, got '" + text + "'");
    }
}

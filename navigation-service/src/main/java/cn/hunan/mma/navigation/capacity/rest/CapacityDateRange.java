package cn.hunan.mma.navigation.capacity.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The sessions a capacity query covers, both days inclusive. Slots are published a few weeks
 * ahead, so a range longer than {@value #MAX_DAYS} days is a mistake rather than a question.
 */
record CapacityDateRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 92;

    /** Parses the query parameters; any problem is a 400 naming the parameter. */
    static CapacityDateRange parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ContractViolation.invalid("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ContractViolation.invalid("to", "to must be less than " + MAX_DAYS + " days after from");
        }
        return new CapacityDateRange(start, end);
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new ContractViolation(Reason.MISSING_FIELD, name, name + " is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ContractViolation.invalid(name, name + " must be a date as YYYY-MM-DD");
        }
    }
}

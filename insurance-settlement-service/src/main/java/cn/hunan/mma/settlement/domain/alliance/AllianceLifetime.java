package cn.hunan.mma.settlement.domain.alliance;

import cn.hunan.mma.events.value.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What settlement still does for an alliance once the matrix has dissolved it. Its history stays:
 * budgets and closes already made are read as before. Nothing new is planned for it: no budget is
 * drafted or approved. A period it lived in can still be settled, once: a close is allowed for a
 * period that began before the dissolution and had an approved budget (the package it was run
 * against), and its actual spend counts only the cases discharged before the day of dissolution,
 * since the covered residents' care after that is no longer the alliance's to answer for.
 *
 * @param dissolvedAt when the dissolution was stated on the alliance topic; {@code null} while it exists
 */
public record AllianceLifetime(Instant dissolvedAt) {

    public static final AllianceLifetime LIVE = new AllianceLifetime(null);

    public boolean dissolved() {
        return dissolvedAt != null;
    }

    /** Why a budget of the alliance may not be drafted or approved, if it may not. */
    public Optional<String> refusesBudgetChange(String allianceId, int year) {
        if (!dissolved()) {
            return Optional.empty();
        }
        return Optional.of(allianceId + " was dissolved on " + day() + ": no budget is drafted or approved for it any more ("
                + year + " requested); its existing budgets stay readable");
    }

    /** Why a close of {@code period} is refused, if it is: a dissolved alliance closes only what it lived through with a budget. */
    public Optional<String> refusesClose(String allianceId, Period period, boolean approvedBudget) {
        if (!dissolved()) {
            return Optional.empty();
        }
        if (!period.start().isBefore(dissolvedAt)) {
            return Optional.of(allianceId + " was dissolved on " + day() + ", before " + period + " began: there is nothing to settle");
        }
        if (!approvedBudget) {
            return Optional.of(allianceId + " was dissolved on " + day() + " and " + period.year()
                    + " has no approved budget: a dissolved alliance closes only a period that had one");
        }
        return Optional.empty();
    }

    /** The first discharge day whose cases no longer count towards the alliance's spend in {@code period}. */
    public LocalDate spendUntil(Period period) {
        LocalDate end = LocalDate.ofInstant(period.end(), Period.ZONE);
        if (!dissolved()) {
            return end;
        }
        LocalDate dissolution = day();
        return dissolution.isBefore(end) ? dissolution : end;
    }

    private LocalDate day() {
        return LocalDate.ofInstant(dissolvedAt, Period.ZONE);
    }
}

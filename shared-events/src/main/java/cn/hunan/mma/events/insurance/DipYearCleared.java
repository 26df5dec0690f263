package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * States what a DIP area's year-end clearing (年终清算) made of one institution's cases: during the year its cases
 * were paid at the area's provisional point value; once the year is over the point value is the area's DIP budget ÷
 * the year's total points, and the institution's cases paid by points are revalued at it. One record per institution
 * that had DIP cases of the year under the area's rules, all with the same area-wide figures; the adjustment is what
 * the fund pays the institution on top (positive) or claws back (negative).
 *
 * @param area                   the 6-digit code of the area whose DIP rules priced the cases
 * @param year                   the calendar year cleared
 * @param budget                 the area's DIP budget for the year
 * @param totalPoints            Σ points of the area's standing DIP cases of the year, 4 decimals
 * @param pointValue             yuan per point = budget ÷ total points, 6 decimals
 * @param cases                  the institution's standing DIP cases of the year under the area's rules
 * @param points                 their points, 4 decimals
 * @param provisionalFundPayable what the fund was to pay for them during the year
 * @param clearedFundPayable     what the fund pays for them at the year's point value
 * @param adjustment             cleared − provisional
 */
public record DipYearCleared(
        EventId eventId,
        Instant occurredAt,
        DivisionCode area,
        @Bounds(min = Checks.FIRST_YEAR, max = Checks.LAST_YEAR) int year,
        InstitutionId institutionId,
        Money budget,
        BigDecimal totalPoints,
        BigDecimal pointValue,
        @Bounds(min = 1) long cases,
        BigDecimal points,
        Money provisionalFundPayable,
        Money clearedFundPayable,
        SignedMoney adjustment) implements InsuranceEvent {

    public static final int POINTS_SCALE = 4;
    public static final int POINT_VALUE_SCALE = 6;

    public DipYearCleared {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(area, "area");
        Checks.calendarYear(year, "year");
        Checks.present(institutionId, "institutionId");
        Checks.present(budget, "budget");
        Checks.require(!budget.isZero(), "budget", "a budget of zero values no point");
        totalPoints = Checks.scaled(totalPoints, "totalPoints", POINTS_SCALE);
        Checks.require(totalPoints.signum() > 0, "totalPoints", "totalPoints must be more than zero");
        pointValue = Checks.scaled(pointValue, "pointValue", POINT_VALUE_SCALE);
        Checks.require(pointValue.signum() > 0, "pointValue", "pointValue must be more than zero");
        Checks.require(cases >= 1, "cases", "an institution is cleared for at least one case");
        points = Checks.scaled(points, "points", POINTS_SCALE);
        Checks.require(points.signum() >= 0, "points", "points must not be negative");
        Checks.require(points.compareTo(totalPoints) <= 0, "points", "an institution's points are part of the total");
        Checks.present(provisionalFundPayable, "provisionalFundPayable");
        Checks.present(clearedFundPayable, "clearedFundPayable");
        Checks.present(adjustment, "adjustment");
        Checks.require(adjustment.equals(clearedFundPayable.difference(provisionalFundPayable)), "adjustment",
                "adjustment must be clearedFundPayable minus provisionalFundPayable");
    }
}

package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A rule area's DIP year-end clearing (年终清算). During the year cases are paid at the area's provisional point
 * value; once the year is over its point value is budget ÷ Σ points of the year's standing cases (DOMAIN.md §7), and
 * every case paid by its points is worth points × point value × its coefficient. Cases paid at cost (low-cost
 * outliers) and cases an expert panel decided keep what they were paid; their points still count in Σ points, as
 * the formula counts every case.
 *
 * @param pointValue   yuan per point, rounded half up to {@link #POINT_VALUE_SCALE} decimals (a published figure a
 *                     finance officer can multiply by hand)
 * @param institutions one line per institution, by institution id
 */
public record DipClearing(String area, int year, Money budget, long cases, BigDecimal totalPoints, BigDecimal pointValue,
                          List<InstitutionLine> institutions) {

    public static final int POINT_VALUE_SCALE = DipYearCleared.POINT_VALUE_SCALE;

    /** Points as shown: a high-cost case's adjusted score carries a 34-digit quotient, four decimals are plenty to read. */
    public static final int POINTS_SCALE = DipYearCleared.POINTS_SCALE;

    /** {@code points} for display, half up to {@link #POINTS_SCALE} decimals. */
    public static BigDecimal shown(BigDecimal points) {
        return points.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * @param provisionalFundPayable what the fund was to pay for the institution's cases during the year
     * @param clearedFundPayable     the same at the year's point value (cases paid by points: max(0, points × point
     *                               value × coefficient rounded half up to the fen − the deductible due))
     */
    public record InstitutionLine(String institutionId, long cases, BigDecimal points, Money provisionalFundPayable,
                                  Money clearedFundPayable) {

        public SignedMoney adjustment() {
            return clearedFundPayable.difference(provisionalFundPayable);
        }
    }

    public DipClearing {
        Objects.requireNonNull(budget, "budget");
        institutions = List.copyOf(institutions);
    }

    /** budget ÷ Σ points; refused when there are no points to value. */
    public static BigDecimal pointValue(Money budget, BigDecimal totalPoints) {
        if (budget.isZero()) {
            throw new IllegalArgumentException("a budget of zero values no point");
        }
        return DipPointValue.of(budget, totalPoints).setScale(POINT_VALUE_SCALE, RoundingMode.HALF_UP);
    }

    public Money provisionalFundPayable() {
        return institutions.stream().map(InstitutionLine::provisionalFundPayable).reduce(Money.ZERO, Money::plus);
    }

    public Money clearedFundPayable() {
        return institutions.stream().map(InstitutionLine::clearedFundPayable).reduce(Money.ZERO, Money::plus);
    }

    public SignedMoney adjustment() {
        return clearedFundPayable().difference(provisionalFundPayable());
    }
}

package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one alliance's projection is computed from, gathered from the scorer's stores.
 *
 * @param budget            the approved package P for the year ({@code mma.insurance.budgets})
 * @param budgetVersion     the settlement parameter version the budget was approved under
 * @param spendToDate       Σ {@code residents.fund-paid} of the alliance's covered residents over the year's
 *                          months so far (out-of-area care included: the measure counts by residence)
 * @param allianceScore     the alliance's composite for the year, or null while the scorer has published none
 */
public record SurplusInputs(AllianceId allianceId, Period period, Money budget, String budgetVersion,
                            Money spendToDate, Money spendInArea, Money spendOutOfArea, BigDecimal allianceScore,
                            List<Member> members) {

    public SurplusInputs {
        Objects.requireNonNull(allianceId, "allianceId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spendToDate, "spendToDate");
        members = List.copyOf(members);
    }

    /**
     * @param level        the member's level in the matrix, null when the matrix does not know it
     * @param primaryLevel a village or township member, which the rules may guarantee a floor
     * @param score        the member's composite for the year, or null while the scorer has published none
     */
    public record Member(String institutionId, String level, boolean primaryLevel, BigDecimal base, BigDecimal score) {
    }
}

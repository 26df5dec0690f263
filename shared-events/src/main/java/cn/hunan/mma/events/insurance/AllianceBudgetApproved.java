package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.Bounds;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * States an alliance's approved package total for a year and the inputs it was computed from:
 * P = base spend × (1 + g) − risk reserve − carve-outs ± factor adjustment. The settlement
 * service owns the arithmetic and its rounding; {@code packageTotal} is authoritative.
 *
 * @param baseSpend        last year's spend of the covered population, out-of-area care included
 * @param growthRate       g as a fraction (0.05 for 5%)
 * @param factorAdjustment the factor-method adjustment, negative when it lowers the package
 * @param parameterVersion the version of the local settlement parameters used
 * @param approvedByRole   the role that approved it (e.g. the area's insurance bureau)
 */
public record AllianceBudgetApproved(
        EventId eventId,
        Instant occurredAt,
        AllianceId allianceId,
        @Bounds(min = Checks.FIRST_YEAR, max = Checks.LAST_YEAR) int year,
        Money baseSpend,
        BigDecimal growthRate,
        Money riskReserve,
        Money carveOuts,
        SignedMoney factorAdjustment,
        Money packageTotal,
        String parameterVersion,
        String approvedByRole) implements InsuranceEvent {

    public AllianceBudgetApproved {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(allianceId, "allianceId");
        Checks.calendarYear(year, "year");
        Checks.present(baseSpend, "baseSpend");
        Checks.between(growthRate, "growthRate", BigDecimal.ONE.negate(), BigDecimal.ONE);
        Checks.present(riskReserve, "riskReserve");
        Checks.present(carveOuts, "carveOuts");
        Checks.present(factorAdjustment, "factorAdjustment");
        Checks.present(packageTotal, "packageTotal");
        Checks.text(parameterVersion, "parameterVersion", 64);
        Checks.text(approvedByRole, "approvedByRole", 64);
    }
}

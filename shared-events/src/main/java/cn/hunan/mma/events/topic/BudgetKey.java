package cn.hunan.mma.events.topic;

import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;

/** The key of the budgets topic: one approved package per alliance and year, written "allianceId:2025". */
public record BudgetKey(AllianceId allianceId, int year) {

    public BudgetKey {
        Checks.present(allianceId, "allianceId");
        Checks.calendarYear(year, "year");
    }

    public static BudgetKey of(AllianceBudgetApproved budget) {
        return new BudgetKey(budget.allianceId(), budget.year());
    }

    public static BudgetKey parse(String text) {
        int colon = text.lastIndexOf(':');
        try {
            return new BudgetKey(AllianceId.of(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ContractViolation(Reason.MALFORMED_ID, null, "budget key must be allianceId:year");
        }
    }

    @Override
    public String toString() {
        return allianceId + ":" + year;
    }
}

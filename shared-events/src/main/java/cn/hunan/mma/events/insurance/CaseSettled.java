package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.time.Instant;

/**
 * States how one inpatient case was settled under DRG or DIP: the standard payment, what the
 * case cost, and what the fund pays.
 *
 * @param dischargeEventId the {@code InpatientDischarged} event settled
 * @param groupCode        the DRG group (e.g. ES31) or the DIP disease group code
 */
public record CaseSettled(
        EventId eventId,
        Instant occurredAt,
        EventId dischargeEventId,
        InstitutionId institutionId,
        PaymentMethod method,
        String groupCode,
        Money standardPayment,
        Money actualCost,
        Money fundPayable,
        OutlierKind outlierKind,
        String ruleVersion) implements InsuranceEvent {

    public CaseSettled {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(dischargeEventId, "dischargeEventId");
        Checks.present(institutionId, "institutionId");
        Checks.present(method, "method");
        Checks.text(groupCode, "groupCode", 64);
        if (method == PaymentMethod.DRG) {
            try {
                DrgCode.of(groupCode);
            } catch (ContractViolation e) {
                throw e.atField("groupCode");
            }
        }
        Checks.present(standardPayment, "standardPayment");
        Checks.present(actualCost, "actualCost");
        Checks.present(fundPayable, "fundPayable");
        Checks.present(outlierKind, "outlierKind");
        Checks.text(ruleVersion, "ruleVersion", 64);
    }

    /** Standard minus actual cost: positive when the institution treated the case for less. */
    public SignedMoney caseSurplus() {
        return standardPayment.difference(actualCost);
    }
}

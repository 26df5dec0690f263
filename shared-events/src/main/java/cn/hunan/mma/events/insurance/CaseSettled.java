package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;

import java.time.Instant;
import java.util.List;

/**
 * States how one inpatient case was settled under DRG or DIP: the standard payment, what the
 * case cost, and what the fund pays.
 *
 * @param dischargeEventId the {@code InpatientDischarged} event settled
 * @param groupCode        the DRG group (e.g. ES31) or the DIP disease group code
 * @param supersedes       the discharges whose settlements this one replaces: a correction's (usually the one it
 *                         names, or the correction that had already replaced that one). A consumer that keeps
 *                         totals drops their settlements, and remembers the ids: a settlement replaced may reach it
 *                         later (a correction at another institution is on another partition), and one may never
 *                         come (a report that never arrived or was refused). Absent for a first report, and on a
 *                         review decision's republication, which keeps its discharge's id (keep the latest per
 *                         {@code dischargeEventId}). Lists every version of the stay retired since the stay's last
 *                         announcement, not only the one named: a version settled and replaced in one batch is never
 *                         announced, so what stands lists it. A standing settlement may also be announced again, with
 *                         its own {@code dischargeEventId} and a longer {@code supersedes}, when a version of its stay
 *                         that arrived late retires others through it (a restatement, with its own event id): apply
 *                         it as any other, keeping the latest per {@code dischargeEventId}.
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
        String ruleVersion,
        @OptionalField List<EventId> supersedes) implements InsuranceEvent {

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
        // Absent and empty say the same; one spelling (absent) keeps the records of first reports as they were.
        supersedes = supersedes == null || supersedes.isEmpty() ? null : Checks.list(supersedes, "supersedes");
    }

    /** A settlement that replaces none: a first report, or a review decision's republication. */
    public CaseSettled(EventId eventId, Instant occurredAt, EventId dischargeEventId, InstitutionId institutionId,
                       PaymentMethod method, String groupCode, Money standardPayment, Money actualCost, Money fundPayable,
                       OutlierKind outlierKind, String ruleVersion) {
        this(eventId, occurredAt, dischargeEventId, institutionId, method, groupCode, standardPayment, actualCost, fundPayable,
                outlierKind, ruleVersion, null);
    }

    /** Standard minus actual cost: positive when the institution treated the case for less. */
    public SignedMoney caseSurplus() {
        return standardPayment.difference(actualCost);
    }
}

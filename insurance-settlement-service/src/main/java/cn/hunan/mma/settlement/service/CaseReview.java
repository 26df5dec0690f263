package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * A case in the special-case review queue: what it was settled at and, once decided, the decision.
 *
 * @param deductibleDue what the stay owes of its level's deductible (the fund pays the approved payment less this)
 * @param fundPayable   what the fund pays now: the standard less the deductible while pending, then the decided amount
 */
public record CaseReview(UUID dischargeEventId, String institutionId, DivisionCode insuredArea, PaymentMethod method,
                         String groupCode, Money standardPayment, Money actualCost, Money deductibleDue, Money fundPayable,
                         String ruleVersion, Instant settledAt, Outcome decision) {

    /** The officer's decision; {@code previousFundPayable} is what the fund paid before it. */
    public record Outcome(Money approvedPayment, Money previousFundPayable, String reason, String decidedBy, Instant decidedAt) {
    }

    CaseReview decided(CaseReviews.Decision decision, Instant at) {
        Money payable = decision.approvedPayment().isGreaterThan(deductibleDue)
                ? decision.approvedPayment().minus(deductibleDue) : Money.ZERO;
        return new CaseReview(dischargeEventId, institutionId, insuredArea, method, groupCode, standardPayment, actualCost,
                deductibleDue, payable, ruleVersion, settledAt,
                new Outcome(decision.approvedPayment(), fundPayable, decision.reason(), decision.decidedBy(), at));
    }
}

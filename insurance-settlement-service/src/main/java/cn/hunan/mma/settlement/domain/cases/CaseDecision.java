package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;

/**
 * How one case is paid.
 *
 * @param standardPayment the group's standard for this institution (before any outlier treatment)
 * @param casePayment     what the case is worth after outlier treatment (at cost, adjusted, or the standard)
 * @param deductibleDue   the deductible this stay carries (zero for a later stay of an episode that paid it)
 * @param fundPayable     casePayment − deductibleDue, never below zero
 * @param appliedWeight   DRG: relative weight × complexity weight (or adjusted); DIP: the (adjusted) score
 * @param coefficient     the institution or primary-disease coefficient applied
 */
public record CaseDecision(PaymentMethod method, String groupCode, Money standardPayment, Money actualCost,
                           Money casePayment, Money deductibleDue, Money fundPayable, OutlierKind outlier,
                           BigDecimal appliedWeight, BigDecimal coefficient) {
}

package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;

/** What the fund paid for the outpatient and emergency visits of a population over a span of days, and how many. */
public record VisitSpend(Money amount, long visits) {
}

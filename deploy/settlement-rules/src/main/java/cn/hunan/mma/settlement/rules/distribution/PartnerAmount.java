package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;

/** A tertiary partner's part of the tertiary pool and the cases it was split by. */
public record PartnerAmount(InstitutionId institutionId, long keptInAreaCases, Money amount) {
}

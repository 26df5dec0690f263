package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;

/**
 * Stays priced by DIP at a provisional point value — their area's year not cleared yet — and what the fund pays for
 * them until the clearing revalues them.
 */
public record ProvisionalDip(long cases, Money amount) {
}

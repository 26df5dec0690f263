package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;

/**
 * The part of an overspend that fell in one band and how it was split.
 *
 * @param upToShareOfPackage the band's upper edge as a share of P; {@code null} for the open band above the last edge
 */
public record BandShare(BigDecimal upToShareOfPackage, Money amount, BigDecimal allianceShare, Money allianceBorne,
                        Money fundBorne) {
}

package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;

/**
 * The collaborating tertiary hospitals' part of the pool: {@code α × pool × f(ΔR)}, with ΔR the
 * fall of the covered population's out-of-area referral rate against its baseline and f rising
 * linearly from 0 (no fall) to 1 (the target fall), split by attributable kept-in-area cases (partners ordered by id).
 * With no partner or no attributable case nothing is taken from the members.
 */
public record TertiaryShare(BigDecimal baselineRate, BigDecimal currentRate, BigDecimal fall, BigDecimal improvement,
                            Money tertiaryPool, List<PartnerAmount> partnerAmounts) {

    public static TertiaryShare compute(Money pool, BigDecimal baselineRate, BigDecimal currentRate,
                                        List<TertiaryPartner> partners, DistributionRules rules) {
        BigDecimal fall = baselineRate.subtract(currentRate);
        BigDecimal f = Fractions.divide(fall, rules.referralRateTargetFall()).max(BigDecimal.ZERO).min(BigDecimal.ONE);
        List<TertiaryPartner> ordered = partners.stream()
                .sorted(Comparator.comparing(partner -> partner.institutionId().value())).toList();
        long cases = ordered.stream().mapToLong(TertiaryPartner::keptInAreaCases).sum();
        Money tertiaryPool = cases == 0 ? Money.ZERO
                : pool.times(rules.tertiaryAlpha().multiply(f), Fractions.MONEY_ROUNDING);
        List<Money> amounts = cases == 0 ? ordered.stream().map(partner -> Money.ZERO).toList()
                : LargestRemainder.split(tertiaryPool,
                        ordered.stream().map(partner -> BigDecimal.valueOf(partner.keptInAreaCases())).toList());
        List<PartnerAmount> byPartner = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            byPartner.add(new PartnerAmount(ordered.get(i).institutionId(), ordered.get(i).keptInAreaCases(), amounts.get(i)));
        }
        return new TertiaryShare(baselineRate, currentRate, fall, f, tertiaryPool, List.copyOf(byPartner));
    }
}

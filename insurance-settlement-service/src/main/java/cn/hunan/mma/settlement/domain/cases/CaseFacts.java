package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;

import java.util.Objects;

/**
 * What settling one discharge needs to know.
 *
 * @param primaryLevelDisease    the principal diagnosis is a 基层病种 of the catalogue
 * @param deductiblePaidInEpisode the deductible already paid by earlier stays of the same referral episode
 */
public record CaseFacts(Level institutionLevel, DrgCode drgGroup, boolean primaryLevelDisease, Money actualCost,
                        Money deductiblePaidInEpisode, ReviewQuota reviewQuota) {

    public CaseFacts {
        Objects.requireNonNull(institutionLevel, "institutionLevel");
        Objects.requireNonNull(drgGroup, "drgGroup");
        Objects.requireNonNull(actualCost, "actualCost");
        Objects.requireNonNull(deductiblePaidInEpisode, "deductiblePaidInEpisode");
        Objects.requireNonNull(reviewQuota, "reviewQuota");
    }
}

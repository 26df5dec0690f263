package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;

import java.util.List;
import java.util.Objects;

/**
 * What settling one discharge needs to know.
 *
 * @param drgGroup               the DRG group the discharge was grouped into (DRG areas)
 * @param principalDiagnosis     with the principal procedure, finds the DIP group (DIP areas, {@link DipCatalogue})
 * @param procedures             principal first; empty when none
 * @param primaryLevelDisease    the principal diagnosis is a 基层病种 of the catalogue
 * @param deductiblePaidInEpisode the deductible already paid by earlier stays of the same referral episode
 */
public record CaseFacts(Level institutionLevel, DrgCode drgGroup, Icd10Code principalDiagnosis, List<Icd9Cm3Code> procedures,
                        boolean primaryLevelDisease, Money actualCost, Money deductiblePaidInEpisode, ReviewQuota reviewQuota) {

    public CaseFacts {
        Objects.requireNonNull(institutionLevel, "institutionLevel");
        Objects.requireNonNull(drgGroup, "drgGroup");
        Objects.requireNonNull(principalDiagnosis, "principalDiagnosis");
        procedures = List.copyOf(procedures);
        Objects.requireNonNull(actualCost, "actualCost");
        Objects.requireNonNull(deductiblePaidInEpisode, "deductiblePaidInEpisode");
        Objects.requireNonNull(reviewQuota, "reviewQuota");
    }
}

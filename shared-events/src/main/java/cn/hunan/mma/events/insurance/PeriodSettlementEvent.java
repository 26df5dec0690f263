package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.Period;

/**
 * What the period-settlements topic carries, keyed by alliance so one alliance's closes and reopenings stay in order:
 * a close, and the reopening that withdraws it before a corrected close.
 */
public sealed interface PeriodSettlementEvent extends InsuranceEvent permits PeriodSettlementClosed, PeriodSettlementReopened {

    AllianceId allianceId();

    Period period();
}

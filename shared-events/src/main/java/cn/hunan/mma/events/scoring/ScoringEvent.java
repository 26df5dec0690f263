package cn.hunan.mma.events.scoring;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.value.Period;

/** What the factor-scoring service publishes, one latest record per scored entity and period. */
public sealed interface ScoringEvent extends ContractRecord permits FactorScoreComputed {

    ScoredEntityKind entityKind();

    String entityId();

    Period period();
}

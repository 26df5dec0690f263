package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.ScoreCalculator;

/** A scope's score for a period, computed on read from the local totals with the rule version in force. */
public final class ScoreReading {

    private final TotalsReader totals;
    private final RuleSets ruleSets;

    public ScoreReading(TotalsReader totals, RuleSets ruleSets) {
        this.totals = totals;
        this.ruleSets = ruleSets;
    }

    public EntityScore score(String scope, Period period) {
        return ScoreCalculator.score(ruleSets.inForce(), totals.totals(scope, period),
                totals.baselines(scope, period));
    }

    public TotalsReader totals() {
        return totals;
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.ScoreCalculator;

/** A scope's score for a period, computed on read from the local totals with the period's rule version. */
public final class ScoreReading {

    private final TotalsReader totals;
    private final RuleSets ruleSets;

    public ScoreReading(TotalsReader totals, RuleSets ruleSets) {
        this.totals = totals;
        this.ruleSets = ruleSets;
    }

    public EntityScore score(String scope, Period period) {
        return score(scope, period, ruleSets.forPeriod(period));
    }

    /** Under a version the caller already holds: a ranking reads the rule history once, not once per candidate. */
    public EntityScore score(String scope, Period period, RuleSet rules) {
        return score(totals, rules, scope, period);
    }

    /** The score under {@code rules}, as the API reads it and the emitter publishes it. */
    static EntityScore score(TotalsReader totals, RuleSet rules, String scope, Period period) {
        return ScoreCalculator.score(rules, totals.totals(scope, period, rules), totals.baselines(scope, period, rules));
    }

    public TotalsReader totals() {
        return totals;
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.events.scoring.FactorScore;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.events.topic.ScoreKey;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Baseline;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.IndicatorDefinition;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.ScoreCalculator;
import cn.hunan.mma.scoring.domain.ScoringMethod;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes the latest scores of every scope and period whose totals changed, once per interval
 * (wall clock) rather than per event: the compacted scores topic keeps the newest per key, so
 * fewer, later records say the same. Scores use the rule version in force at emission time. A changed month
 * publishes itself, its half year and year, and the periods whose IMPROVEMENT indicators compare with those.
 * The set of changed keys lives in memory: after a crash a key is emitted again at its next change.
 */
final class ScoreEmitter implements Processor<String, ScopeDelta, ScoreKey, ScoringEvent> {

    private final Duration interval;
    private final RuleSet seed;
    private final Clock clock;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<ScoreKey, ScoringEvent> context;
    private TotalsReader totals;
    private RuleSets ruleSets;

    ScoreEmitter(Duration interval, RuleSet seed, Clock clock) {
        this.interval = interval;
        this.seed = seed;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<ScoreKey, ScoringEvent> context) {
        this.context = context;
        this.totals = new TotalsReader(context.getStateStore(ScoringTopology.TOTALS_STORE));
        this.ruleSets = new RuleSets(context.getStateStore(ScoringTopology.RULE_SETS_STORE), seed, clock);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> emitChanged());
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        changed.add(TotalsKeys.of(record.value().scope(), record.value().month()));
    }

    private void emitChanged() {
        if (changed.isEmpty()) {
            return;
        }
        RuleSet rules = ruleSets.inForce();
        Set<Baseline> compared = comparedWith(rules);
        Set<String> periods = new LinkedHashSet<>();
        Set<String> looked = new HashSet<>();   // a later period is looked up once (a year's two baselines name the same)
        for (String key : changed) {
            int split = key.indexOf(TotalsKeys.SEPARATOR);
            String scope = key.substring(0, split);
            Period month = Period.parse(key.substring(split + 1));
            for (Period changedPeriod : List.of(month, month.enclosingHalfYear(), month.enclosingYear())) {
                periods.add(scope + TotalsKeys.SEPARATOR + changedPeriod);
                // A late change also moves the IMPROVEMENT scores of the periods compared with this one (the next month,
                // or the same month a year on): re-emit those that have totals — the others were never published.
                for (Baseline baseline : compared) {
                    Period comparing = baseline.after(changedPeriod);
                    String later = scope + TotalsKeys.SEPARATOR + comparing;
                    if (!periods.contains(later) && looked.add(later) && totals.hasAny(scope, comparing)) {
                        periods.add(later);
                    }
                }
            }
        }
        changed.clear();
        for (String key : periods) {
            int split = key.indexOf(TotalsKeys.SEPARATOR);
            emit(key.substring(0, split), Period.parse(key.substring(split + 1)), rules);
        }
    }

    private static Set<Baseline> comparedWith(RuleSet rules) {
        Set<Baseline> compared = EnumSet.noneOf(Baseline.class);
        for (IndicatorDefinition indicator : rules.indicators()) {
            if (indicator.scoring().method() == ScoringMethod.IMPROVEMENT) {
                compared.add(indicator.scoring().comparedWith());
            }
        }
        return compared;
    }

    private void emit(String scope, Period period, RuleSet rules) {
        EntityScore score = ScoreCalculator.score(rules, totals.totals(scope, period),
                totals.baselines(scope, period));
        int colon = scope.indexOf(':');
        ScoredEntityKind kind = ScoredEntityKind.valueOf(scope.substring(0, colon));
        List<FactorScore> factors = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            factors.add(new FactorScore(factor, score.factorScores().get(factor)));
        }
        FactorScoreComputed computed = new FactorScoreComputed(EventId.of(UUID.randomUUID()), clock.instant(), kind,
                scope.substring(colon + 1), period, rules.version(), score.composite(), factors);
        context.forward(new Record<>(ScoreKey.of(computed), computed, clock.millis()));
    }
}

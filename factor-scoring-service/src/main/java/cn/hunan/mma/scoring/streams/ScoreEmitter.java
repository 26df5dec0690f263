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
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.RuleSetHistory;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes the latest scores of every scope and period whose totals changed, once per interval
 * (wall clock) rather than per event: the compacted scores topic keeps the newest per key, so
 * fewer, later records say the same. A period is scored with its own rule version ({@link RuleSetHistory#forPeriod}): the
 * one in force on its last day, today's while it runs. A changed month publishes itself, its half year and year, and the
 * periods whose IMPROVEMENT indicators compare with those. When the versions move (a version loaded, possibly dated in
 * the past, or a day passing a version's date), every period of this task's totals whose version moved is published
 * again. The set of changed keys lives in memory: after a crash a key is emitted again at its next change.
 */
final class ScoreEmitter implements Processor<String, ScopeDelta, ScoreKey, ScoringEvent> {

    private final Duration interval;
    private final RuleSet seed;
    private final Clock clock;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<ScoreKey, ScoringEvent> context;
    private KeyValueStore<String, MonthTotals> store;
    private TotalsReader totals;
    private RuleSets ruleSets;
    /** The versions of the last tick; null until the first (what was published before a restart is not known). */
    private PeriodRuleSets lastVersions;

    ScoreEmitter(Duration interval, RuleSet seed, Clock clock) {
        this.interval = interval;
        this.seed = seed;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<ScoreKey, ScoringEvent> context) {
        this.context = context;
        this.store = context.getStateStore(ScoringTopology.TOTALS_STORE);
        this.totals = new TotalsReader(store);
        this.ruleSets = new RuleSets(context.getStateStore(ScoringTopology.RULE_SETS_STORE), seed, clock);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> emitChanged());
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        changed.add(TotalsKeys.of(record.value().scope(), record.value().month()));
    }

    private void emitChanged() {
        PeriodRuleSets versions = ruleSets.byPeriod();
        Set<String> periods = new LinkedHashSet<>();
        if (lastVersions != null && !versions.scoresAlike(lastVersions)) {
            periods.addAll(periodsWhoseVersionMoved(lastVersions, versions));
        }
        lastVersions = versions;
        Set<Baseline> compared = versions.comparedWith();
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
            Period period = Period.parse(key.substring(split + 1));
            emit(key.substring(0, split), period, versions.of(period));
        }
    }

    /**
     * Every scope and period of this task's totals (as {@code scope|period}) now scored with another version: a scan of
     * the task's totals, done only when the versions move (rarely: a load, or a day reaching a version's date).
     */
    private Set<String> periodsWhoseVersionMoved(PeriodRuleSets before, PeriodRuleSets now) {
        Map<Period, Boolean> moved = new HashMap<>();
        Set<String> periods = new LinkedHashSet<>();
        try (KeyValueIterator<String, MonthTotals> all = store.all()) {
            while (all.hasNext()) {
                String key = all.next().key;
                int split = key.indexOf(TotalsKeys.SEPARATOR);
                Period month = Period.parse(key.substring(split + 1));
                for (Period period : List.of(month, month.enclosingHalfYear(), month.enclosingYear())) {
                    if (moved.computeIfAbsent(period, each -> now.movesFrom(before, each))) {
                        periods.add(key.substring(0, split) + TotalsKeys.SEPARATOR + period);
                    }
                }
            }
        }
        return periods;
    }

    private void emit(String scope, Period period, RuleSet rules) {
        EntityScore score = ScoreReading.score(totals, rules, scope, period);
        int colon = scope.indexOf(':');
        ScoredEntityKind kind = ScoredEntityKind.valueOf(scope.substring(0, colon));
        List<FactorScore> factors = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            // The contract's FactorScore has no "no data": an unscored factor goes out as 0.00, as it always has.
            factors.add(new FactorScore(factor, score.factorScores().getOrDefault(factor, BigDecimal.ZERO.setScale(2))));
        }
        FactorScoreComputed computed = new FactorScoreComputed(EventId.of(UUID.randomUUID()), clock.instant(), kind,
                scope.substring(colon + 1), period, rules.version(), score.composite(), factors);
        context.forward(new Record<>(ScoreKey.of(computed), computed, clock.millis()));
    }
}

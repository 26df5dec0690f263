package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.scoring.ScoredEntityKind;
import cn.hunan.mma.events.scoring.ScoringEvent;
import cn.hunan.mma.events.topic.BudgetKey;
import cn.hunan.mma.events.topic.ScoreKey;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Totals;
import cn.hunan.mma.scoring.streams.AllianceLifetime;
import cn.hunan.mma.scoring.streams.ScopeDelta;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import cn.hunan.mma.scoring.streams.TotalsReader;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes the projection of every alliance-year this totals task has seen spend change for, once per
 * {@code mma.surplus.interval} (wall clock), and publishes those whose result changed. An interval rather
 * than every event: a busy alliance's spend changes with every discharge, the projection is read by people,
 * and its member scores change only when the scorer emits (every 10 s) — recomputing a few hundred alliances
 * on a tick costs less than once per event. Re-evaluating all seen alliances (not only those whose spend moved)
 * also picks up a newly approved budget or new member scores, which reach the global stores without passing here.
 */
final class SurplusProjector implements Processor<String, ScopeDelta, String, String> {

    static final String ALLIANCE_PREFIX = "ALLIANCE:";
    static final String SPEND = "residents.fund-paid";
    static final String SPEND_IN_AREA = "residents.fund-paid.in-area";
    static final String SPEND_OUT_OF_AREA = "residents.fund-paid.out-of-area";

    private final SurplusSettings settings;
    /** "allianceId|year" seen by this task; after a restart, seeded from the restored projections store. */
    private final Set<String> seen = new LinkedHashSet<>();
    private boolean seededFromStore;
    private ProcessorContext<String, String> context;
    private TotalsReader totals;
    private KeyValueStore<String, AllianceSnapshot> alliances;
    private KeyValueStore<String, AllianceSnapshot> keptMakeups;
    private KeyValueStore<String, InstitutionSnapshot> institutions;
    private KeyValueStore<String, AllianceBudgetApproved> budgets;
    private KeyValueStore<String, ScoringEvent> scores;
    private KeyValueStore<String, String> published;

    SurplusProjector(SurplusSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.totals = new TotalsReader(context.getStateStore(ScoringTopology.TOTALS_STORE));
        this.alliances = context.getStateStore(ScoringTopology.ALLIANCES_STORE);
        this.keptMakeups = context.getStateStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE);
        this.institutions = context.getStateStore(ScoringTopology.INSTITUTIONS_STORE);
        this.budgets = context.getStateStore(SurplusProjection.BUDGETS_STORE);
        this.scores = context.getStateStore(SurplusProjection.SCORES_STORE);
        this.published = context.getStateStore(SurplusProjection.PROJECTIONS_STORE);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> projectAll(now));
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        ScopeDelta delta = record.value();
        if (delta.values().keySet().stream().anyMatch(measure -> measure.startsWith(SPEND))) {
            String alliance = delta.scope().substring(ALLIANCE_PREFIX.length());
            seen.add(alliance + "|" + Period.parse(delta.month()).year());
        }
    }

    private void projectAll(long now) {
        if (!seededFromStore) {
            // Punctuation runs once the task is restored: every alliance projected before a restart is watched again.
            try (KeyValueIterator<String, String> all = published.all()) {
                all.forEachRemaining(entry -> seen.add(entry.key));
            }
            seededFromStore = true;
        }
        for (String key : seen) {
            int bar = key.indexOf('|');
            project(AllianceId.of(key.substring(0, bar)), Period.ofYear(Integer.parseInt(key.substring(bar + 1))))
                    .map(SurplusJson::write)
                    .filter(json -> !json.equals(published.get(key)))
                    .ifPresent(json -> {
                        published.put(key, json);
                        context.forward(new Record<>(key, json, now));
                    });
        }
    }

    /**
     * Empty while the alliance has no approved budget for the year or is not in the matrix. A dissolved alliance is
     * projected with the members it had (its kept make-up), not the lead alone the dissolution names; dissolved without
     * a kept make-up it is not projected (its last projection stands).
     */
    Optional<SurplusView> project(AllianceId allianceId, Period year) {
        AllianceBudgetApproved budget = budgets.get(new BudgetKey(allianceId, year.year()).toString());
        AllianceSnapshot alliance = AllianceLifetime.of(alliances.get(allianceId.value()), keptMakeups.get(allianceId.value()))
                .map(AllianceLifetime::makeup).orElse(null);
        if (budget == null || alliance == null) {
            return Optional.empty();
        }
        Totals spend = totals.totals(ALLIANCE_PREFIX + allianceId.value(), year);
        List<SurplusInputs.Member> members = new ArrayList<>();
        for (InstitutionId memberId : alliance.memberIds()) {
            InstitutionSnapshot institution = institutions.get(memberId.value());
            Level level = institution == null ? null : institution.level();
            members.add(new SurplusInputs.Member(memberId.value(), level == null ? null : level.name(),
                    level != null && level.isPrimaryCare(), settings.baseOf(memberId.value()),
                    composite(ScoredEntityKind.INSTITUTION, memberId.value(), year)));
        }
        SurplusInputs inputs = new SurplusInputs(allianceId, year, budget.packageTotal(), budget.parameterVersion(),
                Money.ofFen(spend.of(SPEND)), Money.ofFen(spend.of(SPEND_IN_AREA)), Money.ofFen(spend.of(SPEND_OUT_OF_AREA)),
                composite(ScoredEntityKind.ALLIANCE, allianceId.value(), year), members);
        return Optional.of(SurplusCalculator.project(inputs, settings));
    }

    private BigDecimal composite(ScoredEntityKind kind, String id, Period period) {
        ScoringEvent event = scores.get(new ScoreKey(kind, id, period).toString());
        return event instanceof FactorScoreComputed computed ? computed.composite() : null;
    }
}

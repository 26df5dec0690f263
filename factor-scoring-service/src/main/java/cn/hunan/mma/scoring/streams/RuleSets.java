package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.RuleSetHistory;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule-set versions on the compacted rule-set topic (a global store, so every instance scores
 * with the same versions), plus the seed that is in force until an operator loads another.
 */
public final class RuleSets {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store;
    private final RuleSet seed;
    private final Clock clock;

    public RuleSets(ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store, RuleSet seed, Clock clock) {
        this.store = store;
        this.seed = seed;
        this.clock = clock;
    }

    public RuleSetHistory history() {
        List<RuleSet> versions = new ArrayList<>();
        versions.add(seed);
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> next = all.next();
                if (next.value != null && !next.key.equals(seed.version())) {
                    versions.add(RuleSetJson.parse(next.value.value()));
                }
            }
        }
        return new RuleSetHistory(versions);
    }

    /** The version a period is scored with ({@link RuleSetHistory#forPeriod}). */
    public RuleSet forPeriod(Period period) {
        return byPeriod().of(period);
    }

    /** Which version scores which period, read once for many periods. */
    PeriodRuleSets byPeriod() {
        return new PeriodRuleSets(history(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Period.ZONE));
    }
}

package cn.hunan.mma.scoring.surplus;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.scoring.streams.GlobalStoreUpdater;
import cn.hunan.mma.scoring.streams.ScopeDelta;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The live surplus projection, grafted onto the scorer's topology right after the totals (issue 8 §1).
 *
 * <pre>
 * totals (ScopeDelta of ALLIANCE scopes) ─▶ surplus projector [reads scope-month-totals] ─▶ mma.scoring.surplus-projections
 * projector's store: surplus-projections (logged; the last published JSON per alliance-year, served by the GET)
 * global stores: mma.insurance.budgets ▸ surplus-budgets, mma.scoring.factor-scores ▸ surplus-scores, matrix (the scorer's)
 * </pre>
 * The projector runs in the totals task that owns the alliance's scope, so it reads the same running
 * {@code residents.fund-paid} the scores are computed from; budgets and member scores are global because
 * members' totals live in other partitions. Publishing through Kafka Streams puts the projection in the
 * scorer's exactly-once transactions: no outbox is needed.
 */
public final class SurplusProjection {

    /** Compacted; key {@code allianceId|period} (e.g. {@code CC-430321|2025}), value the {@link SurplusView} JSON. */
    public static final String TOPIC = "mma.scoring.surplus-projections";
    public static final String BUDGETS_STORE = "surplus-budgets";
    public static final String SCORES_STORE = "surplus-scores";
    public static final String PROJECTIONS_STORE = "surplus-projections";

    private SurplusProjection() {
    }

    /** Adds the projection with the {@code mma.surplus.*} settings. */
    public static void attach(StreamsBuilder builder, KStream<String, ScopeDelta> totals, ContractCodec codec) {
        ProjectionTopic.ensureExists();
        attach(builder, totals, codec, SurplusSettings.fromConfig());
    }

    public static void attach(StreamsBuilder builder, KStream<String, ScopeDelta> totals, ContractCodec codec,
                              SurplusSettings settings) {
        globalStore(builder, BUDGETS_STORE, Topics.BUDGETS, Topics.BUDGETS.valueSerde(codec), true);
        // Scores of every scope and period: on disk, a province holds many.
        globalStore(builder, SCORES_STORE, Topics.FACTOR_SCORES, Topics.FACTOR_SCORES.valueSerde(codec), false);
        // The last published projection per alliance-year, in the task owning the alliance's totals: what the GET
        // serves (routed like the scores API) and what a new result is compared with before publishing.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROJECTIONS_STORE),
                Serdes.String(), Serdes.String()));
        totals.filter((key, delta) -> delta.scope().startsWith(SurplusProjector.ALLIANCE_PREFIX))
                .process(() -> new SurplusProjector(settings), ScoringTopology.TOTALS_STORE, PROJECTIONS_STORE)
                .to(TOPIC, Produced.with(Serdes.String(), Serdes.String()));
    }

    private static <V> void globalStore(StreamsBuilder builder, String store, Topic<?, ?> topic, Serde<V> values,
                                        boolean inMemory) {
        KeyValueBytesStoreSupplier supplier = inMemory ? Stores.inMemoryKeyValueStore(store) : Stores.persistentKeyValueStore(store);
        builder.addGlobalStore(Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withLoggingDisabled(),
                topic.name(), Consumed.with(Serdes.String(), values), () -> new GlobalStoreUpdater<V>(store));
    }
}

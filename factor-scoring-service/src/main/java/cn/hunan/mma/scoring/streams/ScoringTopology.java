package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.scoring.domain.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the scorer's topology and nothing else; callable without CDI, so tests feed the real
 * topology to {@code TopologyTestDriver}.
 *
 * <pre>
 * 7 input topics (bytes) ─ decode ─ matrix gate ─┬─ rejected, or of an institution not in the matrix ─▶ counted ─▶ &lt;topic&gt;.dlt (original bytes + DeadLetterHeaders)
 *                                                └─ accepted ─▶ by event id (+ "superseded" to the id a correction names)
 *   (each accepted record attributed once: its Contribution per scope, matrix from global stores)
 *   ─▶ event ledger, same task [event-ledger by month, ledger-clock; closed months deleted] ─▶ sums per scope × month [ledger-pending-deltas], forwarded every 200 ms
 *   ─▶ repartition "totals" by scope ─▶ totals [scope-month-totals] ─▶ score emitter ─▶ mma.scoring.factor-scores
 *                                                                   └─ alliance make-up keeper ─▶ mma.scoring.alliance-makeups ▸ global alliance-makeups
 * </pre>
 *
 * <p><b>Why the ledger needs no repartition.</b> Every input topic has the same number of partitions and is
 * keyed by what the contract derives from the record (its institution; a referral event by its referral), and
 * the decoder refuses a record keyed otherwise. A duplicate carries its original's key, and a correction
 * comes from the institution that reported what it corrects, so all the records that share or name an event
 * id sit in the same partition number of the input topics, which one task reads. The ledger therefore runs on
 * the task that decoded the record: one hand-over through Kafka per event fewer, and one exactly-once commit
 * fewer between an event and its totals.
 */
public final class ScoringTopology {

    /** Per event id its ledger state, keyed by month then id ({@link LedgerKeys}); closed months are deleted. */
    public static final String LEDGER_STORE = "event-ledger";
    /** Per ledger task: its clock (latest occurredAt seen) and the first month whose entries it still holds. */
    public static final String LEDGER_CLOCK_STORE = "ledger-clock";
    /** Per ledger task: sums counted but not yet forwarded to the totals ({@link PendingDeltas}). */
    public static final String PENDING_STORE = "ledger-pending-deltas";
    public static final String TOTALS_STORE = "scope-month-totals";
    public static final String INSTITUTIONS_STORE = "matrix-institutions";
    public static final String ALLIANCES_STORE = "matrix-alliances";
    public static final String RULE_SETS_STORE = "rule-sets";
    /** Per alliance that counted here, the make-up last stated while live ({@link AllianceMakeupKeeper}); global, from the topic below. */
    public static final String ALLIANCE_MAKEUPS_STORE = "alliance-makeups";
    /** Compacted, owned by this service: per alliance id, the {@code AllianceSnapshot} last stated while live. */
    public static final String ALLIANCE_MAKEUPS_TOPIC = "mma.scoring.alliance-makeups";
    /** Compacted, owned by this service: rule-set versions keyed by version, as JSON. */
    public static final String RULE_SETS_TOPIC = "mma.scoring.rule-sets";

    /** The topics the scorer aggregates (the oracle's list). */
    public static final List<Topic<?, ?>> INPUTS = List.of(Topics.OUTPATIENT_VISITS, Topics.INPATIENT, Topics.REFERRALS,
            Topics.CAPACITY, Topics.PREVENTION, Topics.CONDUCT, Topics.SUPPORT);

    private final RuleSet countingRules;
    private final ScoringSettings settings;
    private final MeterRegistry meters;
    /** Changes applied to the global matrix stores, so the ledger's matrix lookups know when to forget. */
    private final AtomicLong matrixChanges = new AtomicLong();

    /**
     * @param countingRules the rule set whose measures are counted; a new version that changes a
     *                      measure definition takes effect by a replay (see the README)
     * @param meters        where the dead letters are counted ({@link DeadLetterCount}): the application's registry
     */
    public ScoringTopology(RuleSet countingRules, ScoringSettings settings, MeterRegistry meters) {
        this.countingRules = countingRules;
        this.settings = settings;
        this.meters = meters;
    }

    /** For tests and tools run without Quarkus: the dead letters are counted in a registry no one reads. */
    public ScoringTopology(RuleSet countingRules, ScoringSettings settings) {
        this(countingRules, settings, new SimpleMeterRegistry());
    }

    /**
     * Creates the compacted topics this service owns and reads into global stores (rule sets, kept alliance make-ups):
     * Kafka Streams refuses to start a global store whose topic has no partitions. The surplus projection creates its own.
     */
    public static void ensureOwnTopics(String bootstrapServers) {
        RuleSetTopic.ensureExists(bootstrapServers);
        CompactedTopics.ensureExists(bootstrapServers, ALLIANCE_MAKEUPS_TOPIC, 1);
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        ContractCodec codec = settings.codec();
        globalStores(builder, codec);

        Attribution attribution = new Attribution(countingRules.measures());
        List<String> inputNames = INPUTS.stream().map(Topic::name).toList();
        KStream<byte[], Decoding> decoded = builder
                .stream(inputNames, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("inputs"))
                .process(() -> new DecodeProcessor(codec, INPUTS))
                .process(() -> new MatrixGate(attribution, matrixChanges));

        decoded.filter((key, decoding) -> !decoding.accepted())
                .mapValues(Decoding::bytes)
                .processValues(() -> new DeadLetterCount(meters))
                // The record context still names the source topic here: each reject goes to its own topic's DLT.
                .to((key, value, context) -> context.topic() + Topic.DEAD_LETTER_SUFFIX,
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

        // Caching collapses the many writes of one key between commits (a province's month changes with
        // every event) into one changelog record per commit; exactly-once still flushes it with each commit.
        // Not for the ledger: each event id is written once, so its cache collapsed nothing and cost a sorted
        // map of every id of the commit (13–21 % less CPU per event without it, README "Side-by-side benchmark").
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_CLOCK_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        // Small (a few hundred scope-months per task at most) and emptied every forward interval: in memory, logged.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOTALS_STORE),
                Serdes.String(), new MonthTotalsSerde()).withCachingEnabled());

        List<String> measureIds = countingRules.measures().stream().map(measure -> measure.id()).toList();
        KStream<String, ScopeDelta> totals = decoded.filter((key, decoding) -> decoding.accepted())
                .process(() -> new AttributionProcessor(attribution, matrixChanges))
                .process(() -> new LedgerProcessor(measureIds, settings.grace(), settings.sourceIdleAfter()), LEDGER_STORE, LEDGER_CLOCK_STORE, PENDING_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new ScopeDeltaSerde()).withName("totals"))
                .process(TotalsProcessor::new, TOTALS_STORE);
        // What a dissolution leaves out of the matrix topic: the make-up the alliance last had while live.
        totals.process(() -> new AllianceMakeupKeeper(matrixChanges), TOTALS_STORE)
                .to(ALLIANCE_MAKEUPS_TOPIC, Produced.with(Serdes.String(), Topics.ALLIANCES.valueSerde(codec)));
        cn.hunan.mma.scoring.surplus.SurplusProjection.attach(builder, totals, codec); // issue 8 §1: live surplus projection (surplus helper)
        totals.process(() -> new ScoreEmitter(settings.emitInterval(), settings.seed(), settings.clock()), TOTALS_STORE)
                .to(Topics.FACTOR_SCORES.name(), Produced.with(Topics.FACTOR_SCORES.keySerde(), Topics.FACTOR_SCORES.valueSerde(codec)));
        return builder.build();
    }

    private void globalStores(StreamsBuilder builder, ContractCodec codec) {
        matrixStore(builder, INSTITUTIONS_STORE, Topics.INSTITUTIONS, codec);
        matrixStore(builder, ALLIANCES_STORE, Topics.ALLIANCES, codec);
        // The topic is this store's changelog: every instance reads the kept make-ups back after a restart.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ALLIANCE_MAKEUPS_STORE), Serdes.String(),
                        Topics.ALLIANCES.valueSerde(codec)).withLoggingDisabled(),
                ALLIANCE_MAKEUPS_TOPIC, Consumed.with(Serdes.String(), Topics.ALLIANCES.valueSerde(codec)),
                () -> new GlobalStoreUpdater<AllianceSnapshot>(ALLIANCE_MAKEUPS_STORE));
        builder.globalTable(RULE_SETS_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(RULE_SETS_STORE));
    }

    /** A global in-memory store of a compacted matrix topic, kept by a {@link GlobalStoreUpdater} that counts the changes. */
    private <V extends ContractRecord> void matrixStore(StreamsBuilder builder, String store, Topic<?, V> topic, ContractCodec codec) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(), topic.valueSerde(codec))
                        .withLoggingDisabled(),
                topic.name(), Consumed.with(Serdes.String(), topic.valueSerde(codec)),
                () -> new GlobalStoreUpdater<V>(store, matrixChanges));
    }
}

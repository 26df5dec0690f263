package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes, for each alliance whose totals this task holds, the last make-up the matrix stated for it while it was live
 * to the compacted {@value ScoringTopology#ALLIANCE_MAKEUPS_TOPIC} (read back into the global
 * {@value ScoringTopology#ALLIANCE_MAKEUPS_STORE}), so that once the matrix states it dissolved — the lead alone
 * covering nothing — the make-up of its live days is still there to rank, scope and pay it by ({@link AllianceLifetime}).
 *
 * <p>Why here and through a topic of our own: the matrix topic is compacted, so the live record a dissolution
 * replaces is eventually gone from it, and the global matrix store is rebuilt from that topic at every start — it
 * cannot remember. Kafka Streams will not read the matrix topic as a stream besides its global store, so the make-up
 * is taken from the global store: when the alliance's totals move, and — since 2026-11-25 (7) — when the matrix
 * changes ({@link #RESTATEMENT_CHECK}), so a restatement that no event counts under before the dissolution is kept too
 * (before, the make-up last counted under stayed, and an institution that had left read the dissolved alliance again).
 * The totals task owns the alliance's scope: one writer per alliance. Written only when the make-up was stated after
 * the one kept; a dissolved alliance is not live and writes nothing, so its last live make-up stays.
 *
 * <p>Why "after" rather than "differs" (since 2026-11-25 (8)): a task that has just moved to an instance whose global
 * matrix store is behind its global make-ups store sees an older live make-up than the one kept; written, it would
 * stay kept if the newer one and the dissolution then reached the matrix store in one poll. The contract has no
 * revision, so the snapshots' {@code occurredAt} orders them, as the settlement service orders them
 * ({@code AllianceEntity.apply}); at equal times the kept one stays.
 */
final class AllianceMakeupKeeper implements Processor<String, ScopeDelta, String, AllianceSnapshot> {

    /**
     * How often the matrix is looked at for restatements (a look is one counter read when nothing changed). A
     * restatement followed by the dissolution before a task looks is not kept — within one look, or while no task
     * looks (the scorer down, a rebalance's gap, an aborted transaction): the dissolution has replaced it in the store.
     */
    static final Duration RESTATEMENT_CHECK = Duration.ofMillis(200);

    private static final String ALLIANCE_PREFIX = "ALLIANCE:";

    private final AtomicLong matrixChanges;
    private long matrixChangesLooked = -1;
    private ProcessorContext<String, AllianceSnapshot> context;
    private MatrixView matrix;
    private KeyValueStore<String, AllianceSnapshot> kept;
    /** The alliances whose totals this task holds: the ones it writes for. */
    private final Set<String> owned = new LinkedHashSet<>();
    /** Per alliance, the newest make-up this task wrote or found kept: the global store lags our own writes. */
    private final Map<String, AllianceSnapshot> newestKept = new HashMap<>();

    AllianceMakeupKeeper(AtomicLong matrixChanges) {
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<String, AllianceSnapshot> context) {
        this.context = context;
        this.matrix = MatrixView.of(context, matrixChanges);
        this.kept = context.getStateStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE);
        rememberOwnedAlliances(context.getStateStore(ScoringTopology.TOTALS_STORE));
        context.schedule(RESTATEMENT_CHECK, PunctuationType.WALL_CLOCK_TIME, this::keepRestatements);
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        String scope = record.value().scope();
        if (!scope.startsWith(ALLIANCE_PREFIX)) {
            return;
        }
        String allianceId = scope.substring(ALLIANCE_PREFIX.length());
        owned.add(allianceId);
        keep(allianceId, record.timestamp());
    }

    /** After a restart or rebalance: the alliances of the totals restored here, watched before they count again. */
    private void rememberOwnedAlliances(KeyValueStore<String, ?> totals) {
        try (KeyValueIterator<String, ?> entries = totals.prefixScan(ALLIANCE_PREFIX, new StringSerializer())) {
            entries.forEachRemaining(entry -> owned.add(
                    entry.key.substring(ALLIANCE_PREFIX.length(), entry.key.indexOf(TotalsKeys.SEPARATOR))));
        }
    }

    private void keepRestatements(long now) {
        long changes = matrixChanges.get();   // read before the lookups: a change landing meanwhile is looked at next time
        if (changes == matrixChangesLooked) {
            return;
        }
        matrixChangesLooked = changes;
        owned.forEach(allianceId -> keep(allianceId, now));
    }

    private void keep(String allianceId, long timestamp) {
        Optional<AllianceSnapshot> live = matrix.liveAlliance(AllianceId.of(allianceId));
        if (live.isEmpty() || !statedAfter(live.get(), newestKept.get(allianceId))) {
            return;   // no store read: what this task knows kept is as new
        }
        AllianceSnapshot stored = kept.get(allianceId);
        if (statedAfter(live.get(), stored)) {
            context.forward(new Record<>(allianceId, live.get(), timestamp));
            newestKept.put(allianceId, live.get());
        } else {
            newestKept.put(allianceId, stored);
        }
    }

    /** Whether the matrix stated {@code makeup} after {@code kept} ({@code null}: nothing kept). Equal times: no. */
    private static boolean statedAfter(AllianceSnapshot makeup, AllianceSnapshot kept) {
        return kept == null || makeup.occurredAt().isAfter(kept.occurredAt());
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.EventId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes, for each alliance whose totals change, the live make-up it counts under to the compacted
 * {@value ScoringTopology#ALLIANCE_MAKEUPS_TOPIC} (read back into the global {@value ScoringTopology#ALLIANCE_MAKEUPS_STORE}),
 * so that once the matrix states it dissolved — the lead alone covering nothing — the make-up of its counted periods
 * is still there to rank and scope it by ({@link AllianceLifetime}).
 *
 * <p>Why here and through a topic of our own: the matrix topic is compacted, so the live record a dissolution
 * replaces is eventually gone from it, and the global matrix store is rebuilt from that topic at every start — it
 * cannot remember. Kafka Streams will not read the matrix topic as a stream besides its global store, so the make-up
 * is taken from the global store when the alliance's totals move (the totals task owns the alliance's scope: one
 * writer per alliance). Written only when the make-up differs from the one kept; a dissolved alliance counts nothing
 * more and writes nothing, so its last live make-up stays.
 */
final class AllianceMakeupKeeper implements Processor<String, ScopeDelta, String, AllianceSnapshot> {

    private static final String ALLIANCE_PREFIX = "ALLIANCE:";

    private final AtomicLong matrixChanges;
    private ProcessorContext<String, AllianceSnapshot> context;
    private MatrixView matrix;
    private KeyValueStore<String, AllianceSnapshot> kept;
    /** Per alliance, the make-up (its event id) this task wrote or found kept: the global store lags our own writes. */
    private final Map<String, EventId> written = new HashMap<>();

    AllianceMakeupKeeper(AtomicLong matrixChanges) {
        this.matrixChanges = matrixChanges;
    }

    @Override
    public void init(ProcessorContext<String, AllianceSnapshot> context) {
        this.context = context;
        this.matrix = MatrixView.of(context, matrixChanges);
        this.kept = context.getStateStore(ScoringTopology.ALLIANCE_MAKEUPS_STORE);
    }

    @Override
    public void process(Record<String, ScopeDelta> record) {
        String scope = record.value().scope();
        if (!scope.startsWith(ALLIANCE_PREFIX)) {
            return;
        }
        String allianceId = scope.substring(ALLIANCE_PREFIX.length());
        Optional<AllianceSnapshot> live = matrix.liveAlliance(AllianceId.of(allianceId));
        if (live.isEmpty() || live.get().eventId().equals(written.get(allianceId))) {
            return;
        }
        AllianceSnapshot stored = kept.get(allianceId);
        if (stored == null || !stored.eventId().equals(live.get().eventId())) {
            context.forward(new Record<>(allianceId, live.get(), record.timestamp()));
        }
        written.put(allianceId, live.get().eventId());
    }
}

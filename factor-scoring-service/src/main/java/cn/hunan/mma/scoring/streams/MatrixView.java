package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.matrix.AllianceDissolution;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The hospital matrix as the topology sees it: the global stores of the compacted institution and
 * alliance topics (every instance holds all of them; Kafka Streams loads global stores completely
 * before processing starts, so events never meet an empty matrix after a restart). Lookups are
 * remembered per stream task until the matrix changes ({@link GlobalStoreUpdater} counts the changes):
 * every counted event asks for its institution and alliances, the matrix changes rarely.
 */
final class MatrixView {

    private final ReadOnlyKeyValueStore<String, InstitutionSnapshot> institutions;
    private final ReadOnlyKeyValueStore<String, AllianceSnapshot> alliances;
    private final AtomicLong changes;
    private long seen = -1;
    private final Map<InstitutionId, Optional<InstitutionSnapshot>> institutionById = new HashMap<>();
    private final Map<InstitutionId, List<AllianceSnapshot>> alliancesByMember = new HashMap<>();
    private final Map<DivisionCode, List<AllianceSnapshot>> alliancesByResidence = new HashMap<>();
    private List<AllianceSnapshot> allAlliances;
    private final Map<Object, Object> derived = new HashMap<>();

    MatrixView(ReadOnlyKeyValueStore<String, InstitutionSnapshot> institutions,
               ReadOnlyKeyValueStore<String, AllianceSnapshot> alliances, AtomicLong changes) {
        this.institutions = institutions;
        this.alliances = alliances;
        this.changes = changes;
    }

    /** The view a processor of the topology holds: the global matrix stores, remembered until {@code changes} moves. */
    static MatrixView of(ProcessorContext<?, ?> context, AtomicLong changes) {
        return new MatrixView(context.getStateStore(ScoringTopology.INSTITUTIONS_STORE),
                context.getStateStore(ScoringTopology.ALLIANCES_STORE), changes);
    }

    Optional<InstitutionSnapshot> institution(InstitutionId id) {
        forgetIfChanged();
        return institutionById.computeIfAbsent(id, key -> Optional.ofNullable(institutions.get(key.value())));
    }

    /** Alliances listing the institution in {@code memberIds}: the alliance record is the authority on membership. */
    List<AllianceSnapshot> alliancesWithMember(InstitutionId id) {
        forgetIfChanged();
        return alliancesByMember.computeIfAbsent(id, key -> alliancesWhere(alliance -> alliance.memberIds().contains(key)));
    }

    /** Alliances whose covered divisions contain the residence (a covered county contains its townships and villages). */
    List<AllianceSnapshot> alliancesCovering(DivisionCode residence) {
        forgetIfChanged();
        return alliancesByResidence.computeIfAbsent(residence, key -> alliancesWhere(alliance -> covers(alliance, key)));
    }

    /** The alliance as the matrix states it, while it is live (dissolved or unknown: empty). */
    Optional<AllianceSnapshot> liveAlliance(AllianceId id) {
        return remembered(id, () -> alliancesWhere(alliance -> alliance.allianceId().equals(id)).stream().findFirst());
    }

    /**
     * Something worked out from the matrix alone (e.g. the scopes an institution's events count for),
     * remembered under {@code key} until the matrix changes.
     */
    @SuppressWarnings("unchecked")
    <T> T remembered(Object key, Supplier<T> compute) {
        forgetIfChanged();
        Object found = derived.get(key);
        if (found == null) {
            found = compute.get();
            derived.put(key, found);
        }
        return (T) found;
    }

    static boolean covers(AllianceSnapshot alliance, DivisionCode division) {
        return alliance.coveredDivisions().stream().anyMatch(division::isWithin);
    }

    private void forgetIfChanged() {
        long now = changes.get();
        if (now != seen) {
            // Read the count before the stores: a change landing while we fill is seen at the next call.
            seen = now;
            institutionById.clear();
            alliancesByMember.clear();
            alliancesByResidence.clear();
            allAlliances = null;
            derived.clear();
        }
    }

    private List<AllianceSnapshot> alliancesWhere(Predicate<AllianceSnapshot> test) {
        if (allAlliances == null) {
            List<AllianceSnapshot> all = new ArrayList<>();
            try (KeyValueIterator<String, AllianceSnapshot> iterator = alliances.all()) {
                while (iterator.hasNext()) {
                    KeyValue<String, AllianceSnapshot> next = iterator.next();
                    // A dissolved alliance stays on its compacted topic (history names it) but no longer counts anything.
                    if (next.value != null && AllianceDissolution.isLive(next.value)) {
                        all.add(next.value);
                    }
                }
            }
            allAlliances = all;
        }
        return allAlliances.stream().filter(test).toList();
    }
}

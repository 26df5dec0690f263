package cn.hunan.mma.settlement.service;

import cn.hunan.mma.events.care.InpatientDischarged;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which stay a version belongs to — the first report its chain of corrections leads up to — following the batch's own
 * corrections, then the chain stored. It keys the stay in the one-standing-version index (V26): every version of a stay
 * must carry the same key there, or an original settled while a correction of it is in flight would not meet that
 * correction — a correction replacing another of its own batch, say, whose row goes in already replaced.
 *
 * <p>Also what no stay can be: a correction naming a version that, through the batch or the stored chain, corrects it.
 * Such a cycle leaves no version of the stay to stand, and the next corrections of it would all stand.
 */
final class StayChains {

    /**
     * A stored chain, read up from a version a correction names.
     *
     * @param versions    the version and every version above it
     * @param firstReport the one at the top (the stay's first report, or the highest version stored so far); null in a
     *                    stored cycle
     */
    record Stored(Set<UUID> versions, UUID firstReport) {
    }

    static final StayChains NONE = new StayChains(List.of(), Map.of());

    private final Map<UUID, UUID> correctedInBatch = new HashMap<>();
    private final Map<UUID, Stored> stored;

    StayChains(List<InpatientDischarged> batch, Map<UUID, Stored> stored) {
        for (InpatientDischarged discharge : batch) {
            UUID corrected = DischargeBatch.corrected(discharge);
            if (corrected != null) {
                correctedInBatch.put(discharge.eventId().asUuid(), corrected);
            }
        }
        this.stored = stored;
    }

    /** The stay of a version: its first report, as far as the batch and the stored chains know; else the version. */
    UUID stayOf(UUID version) {
        UUID id = version;
        Set<UUID> visited = new HashSet<>();
        while (visited.add(id) && correctedInBatch.containsKey(id)) {
            id = correctedInBatch.get(id);
        }
        Stored chain = stored.get(id);
        return chain == null || chain.firstReport() == null ? id : chain.firstReport();
    }

    /** Whether the version a correction names is, or is corrected up the chain by, that correction. */
    boolean closesACycle(UUID correction, UUID named) {
        UUID id = named;
        Set<UUID> visited = new HashSet<>();
        while (visited.add(id)) {
            if (id.equals(correction)) {
                return true;
            }
            UUID next = correctedInBatch.get(id);
            if (next == null) {
                Stored chain = stored.get(id);
                return chain != null && chain.versions().contains(correction);
            }
            id = next;
        }
        return false;
    }
}

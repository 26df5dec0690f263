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

    /**
     * The stay of a version: its first report, as far as the batch and the stored chains know — each leading to the
     * other, as a stored chain may top out at a version the batch brings; else the version.
     */
    UUID stayOf(UUID version) {
        UUID id = version;
        Set<UUID> visited = new HashSet<>();
        while (visited.add(id)) {
            UUID above = above(id);
            if (above == null) {
                return id;
            }
            id = above;
        }
        return id;   // a cycle: refused where it is closed (closesACycle)
    }

    /** Whether the version a correction names is, or is corrected up the chain by, that correction. */
    boolean closesACycle(UUID correction, UUID named) {
        UUID id = named;
        Set<UUID> visited = new HashSet<>();
        while (visited.add(id)) {
            Stored chain = stored.get(id);
            if (id.equals(correction) || !correctedInBatch.containsKey(id) && chain != null && chain.versions().contains(correction)) {
                return true;
            }
            UUID above = above(id);
            if (above == null) {
                return false;
            }
            id = above;
        }
        return false;
    }

    /** The version above this one: what it corrects in the batch, else the top of its stored chain; null at the top. */
    private UUID above(UUID id) {
        UUID corrected = correctedInBatch.get(id);
        if (corrected != null) {
            return corrected;
        }
        Stored chain = stored.get(id);
        return chain == null || chain.firstReport() == null || chain.firstReport().equals(id) ? null : chain.firstReport();
    }
}

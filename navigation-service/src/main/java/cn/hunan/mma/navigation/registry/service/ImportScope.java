package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.navigation.registry.domain.ReservedAllianceShape;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one import's batches tell each other: the lines its alliance file restates (known before any batch, from the
 * file as read) and the institutions its institution lines re-place — moved, re-levelled or retired — as the batches go.
 * An institution line is judged against the live alliances the import does not restate only; those it restates are
 * judged by their own lines afterwards, where the import has put their institutions by then (since 2026-11-25 (7)).
 */
final class ImportScope {

    private final Map<String, AllianceSnapshot> restatedLines;
    // Batches run one after another, on whichever thread the reactive pipeline gives them.
    private final Set<String> replacedInstitutions = ConcurrentHashMap.newKeySet();

    /** @param alliancesFile the alliance lines as read (one per id: the reader reports a repeated id as DUPLICATE_ID) */
    ImportScope(Collection<AllianceSnapshot> alliancesFile) {
        Map<String, AllianceSnapshot> lines = new HashMap<>();
        alliancesFile.forEach(line -> lines.putIfAbsent(line.allianceId().value(), line));
        this.restatedLines = Map.copyOf(lines);
    }

    /**
     * Whether the alliance file replaces the live alliance as stored, so that its line, judged after the institutions,
     * stands for it. Not when the row already holds the line — judging against the row is then judging against the line,
     * and the line, unchanged, would be skipped where the row names a member this import moved to another city (on the
     * next import, for good: a full re-export moving only a member left the alliance broken, silently) — nor when the
     * alliance batch refuses the line whatever the registry holds (a reused event id, the dissolution's shape): the row
     * stays as stored. Being in the file was enough before the review of 2026-11-25 (7).
     */
    boolean restates(AllianceEntity stored) {
        AllianceSnapshot line = restatedLines.get(stored.id());
        return line != null && !stored.holds(line) && !refusedWhateverTheRegistryHolds(stored, line);
    }

    /**
     * The live alliance as this import leaves it, as far as known before its line is judged: its line where the import
     * restates it, else as stored. A retirement is judged against it ({@link InstitutionBatchGuard}): a restating line
     * that drops the institution lets it retire in the same import, one still naming it does not (the line would then be
     * refused for naming a retired institution, and the alliance as stored would name it).
     */
    AllianceSnapshot asLeft(AllianceEntity stored) {
        return restates(stored) ? restatedLines.get(stored.id()) : AllianceReferences.snapshot(stored);
    }

    private static boolean refusedWhateverTheRegistryHolds(AllianceEntity stored, AllianceSnapshot line) {
        return stored.reusesEventIdOf(line) || ReservedAllianceShape.problem(line).isPresent();
    }

    void replaced(String institutionId) {
        replacedInstitutions.add(institutionId);
    }

    /** Whether an institution line of this import re-placed the institution (or was about to, when its batch was judged). */
    boolean replaces(String institutionId) {
        return replacedInstitutions.contains(institutionId);
    }
}

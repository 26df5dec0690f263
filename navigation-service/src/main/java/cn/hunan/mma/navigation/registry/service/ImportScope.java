package cn.hunan.mma.navigation.registry.service;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one import's batches tell each other: the alliances its alliance file restates (known before any batch, from the
 * file as read) and the institutions its institution lines re-place — moved, re-levelled or retired — as the batches go.
 * An institution line is judged against the live alliances the import does not restate only; those it restates are
 * judged by their own lines afterwards, where the import has put their institutions by then (since 2026-11-25 (7)).
 */
final class ImportScope {

    private final Set<String> restatedAlliances;
    // Batches run one after another, on whichever thread the reactive pipeline gives them.
    private final Set<String> replacedInstitutions = ConcurrentHashMap.newKeySet();

    ImportScope(Collection<String> restatedAlliances) {
        this.restatedAlliances = Set.copyOf(restatedAlliances);
    }

    boolean restates(String allianceId) {
        return restatedAlliances.contains(allianceId);
    }

    void replaced(String institutionId) {
        replacedInstitutions.add(institutionId);
    }

    /** Whether an institution line of this import re-placed the institution (or was about to, when its batch was judged). */
    boolean replaces(String institutionId) {
        return replacedInstitutions.contains(institutionId);
    }
}

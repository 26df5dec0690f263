package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inpatient guidance catalogue as a lookup: a diagnosis falls under the entry with the
 * longest ICD-10 prefix it starts with (I63.900 under "I63.9" before "I63"), so an area can
 * refine a category for one subcategory.
 */
final class GuidanceCatalogue {

    private static final int SHORTEST_PREFIX = 3;

    private final Map<String, Level> lowestLevelByPrefix = new HashMap<>();
    private final Map<String, Optional<Level>> lookups = new HashMap<>();

    GuidanceCatalogue(List<GuidanceCatalogueEntry> entries) {
        for (GuidanceCatalogueEntry entry : entries) {
            lowestLevelByPrefix.put(entry.icd10Prefix().value(), entry.lowestInpatientLevel());
        }
    }

    /** The lowest level that should admit the diagnosis, or empty when the catalogue does not list it. */
    Optional<Level> lowestInpatientLevel(Icd10Code diagnosis) {
        return lookups.computeIfAbsent(diagnosis.value(), this::longestPrefixMatch);
    }

    int size() {
        return lowestLevelByPrefix.size();
    }

    private Optional<Level> longestPrefixMatch(String code) {
        for (int length = code.length(); length >= SHORTEST_PREFIX; length--) {
            Level level = lowestLevelByPrefix.get(code.substring(0, length));
            if (level != null) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}

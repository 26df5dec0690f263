package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.Icd10Code;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks a diagnosis up in the guidance catalogue: the most specific (longest) prefix decides.
 * Entries are kept by prefix, so a lookup tries the diagnosis's own prefixes, longest first,
 * instead of scanning the catalogue (1,586 entries for Hunan) on every request.
 */
public final class GuidanceCatalogue {

    private final Map<String, GuidanceCatalogueEntry> byPrefix = new HashMap<>();

    public GuidanceCatalogue(List<GuidanceCatalogueEntry> entries) {
        // On a repeated prefix the first entry wins, as the first of equally long matches did.
        entries.forEach(entry -> byPrefix.putIfAbsent(entry.icd10Prefix().value(), entry));
    }

    public Optional<GuidanceCatalogueEntry> entryFor(Icd10Code diagnosis) {
        String code = diagnosis.value();
        for (int length = code.length(); length > 0; length--) {
            GuidanceCatalogueEntry entry = byPrefix.get(code.substring(0, length));
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}

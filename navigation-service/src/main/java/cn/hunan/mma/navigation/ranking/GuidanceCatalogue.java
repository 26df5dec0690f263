package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.Icd10Code;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Looks a diagnosis up in the guidance catalogue: the most specific (longest) prefix decides. */
final class GuidanceCatalogue {

    private final List<GuidanceCatalogueEntry> entries;

    GuidanceCatalogue(List<GuidanceCatalogueEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    Optional<GuidanceCatalogueEntry> entryFor(Icd10Code diagnosis) {
        return entries.stream()
                .filter(entry -> entry.covers(diagnosis))
                .max(Comparator.comparingInt(entry -> entry.icd10Prefix().value().length()));
    }
}

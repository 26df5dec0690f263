package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuidanceCatalogueTest {

    private static GuidanceCatalogueEntry entry(String prefix, Level level) {
        return new GuidanceCatalogueEntry(EventId.random(), Instant.parse("2025-01-01T00:00:00Z"),
                Icd10Code.of(prefix), level, false, "synthetic-test");
    }

    private final GuidanceCatalogue catalogue = new GuidanceCatalogue(List.of(
            entry("I63.0", Level.CITY), entry("I63", Level.COUNTY), entry("I63.00", Level.PROVINCE)));

    @Test
    void the_most_specific_prefix_decides_whatever_the_order_of_entries() {
        assertThat(catalogue.entryFor(Icd10Code.of("I63.001")).orElseThrow().lowestInpatientLevel())
                .isEqualTo(Level.PROVINCE);
        assertThat(catalogue.entryFor(Icd10Code.of("I63.1")).orElseThrow().lowestInpatientLevel())
                .isEqualTo(Level.COUNTY);
    }

    @Test
    void finds_nothing_for_a_diagnosis_no_prefix_covers() {
        assertThat(catalogue.entryFor(Icd10Code.of("I10"))).isEmpty();
    }
}

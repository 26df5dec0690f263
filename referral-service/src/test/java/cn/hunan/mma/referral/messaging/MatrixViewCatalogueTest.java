package cn.hunan.mma.referral.messaging;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The guidance catalogue lookup of {@link MatrixView}: which entry decides a diagnosis's lowest inpatient level. */
class MatrixViewCatalogueTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");

    private final MatrixView matrix = new MatrixView();

    @Test
    void the_most_specific_entry_covering_the_diagnosis_decides() {
        matrix.apply(entry("E11", Level.TOWNSHIP, PUBLISHED));
        matrix.apply(entry("E11.9", Level.COUNTY, PUBLISHED));
        matrix.apply(entry("I10.x00", Level.CITY, PUBLISHED));

        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("E11.9"))).contains(Level.COUNTY);
        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("E11.2"))).contains(Level.TOWNSHIP);
        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("E11"))).contains(Level.TOWNSHIP);
        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("I10.x00x002"))).contains(Level.CITY);
    }

    @Test
    void a_diagnosis_no_entry_covers_has_no_level() {
        matrix.apply(entry("E11.9", Level.COUNTY, PUBLISHED));
        matrix.apply(entry("I10.x00", Level.CITY, PUBLISHED));

        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("E11"))).isEmpty();   // the entry is narrower
        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("I10"))).isEmpty();
        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("J45.9"))).isEmpty();
    }

    @Test
    void the_newest_entry_of_a_prefix_wins_whatever_the_arrival_order() {
        matrix.apply(entry("J45", Level.CITY, PUBLISHED.plusSeconds(60)));
        matrix.apply(entry("J45", Level.VILLAGE, PUBLISHED));

        assertThat(matrix.lowestInpatientLevel(Icd10Code.of("J45.9"))).contains(Level.CITY);
    }

    private static GuidanceCatalogueEntry entry(String prefix, Level level, Instant occurredAt) {
        return new GuidanceCatalogueEntry(EventId.random(), occurredAt, Icd10Code.of(prefix), level, false, "2026");
    }
}

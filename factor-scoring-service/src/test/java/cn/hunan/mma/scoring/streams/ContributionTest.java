package cn.hunan.mma.scoring.streams;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact binary form the ledger repartition topic and the ledger store hold, one per event. */
class ContributionTest {

    @Test
    void reads_back_what_it_wrote_scopes_ids_and_amounts_alike() {
        Contribution.ScopeAmounts institution = new Contribution.ScopeAmounts("INSTITUTION:430321H0001", new int[]{0, 3, 41}, new long[]{1, 150_000, -7});
        Contribution written = new Contribution("5c0be000-0000-8000-8000-000000000001", 1_741_572_000_000L, "2025-03", List.of(
                institution,
                new Contribution.ScopeAmounts("ALLIANCE:CC-430321", new int[]{0, 3, 41}, new long[]{1, 150_000, -7}),
                new Contribution.ScopeAmounts("COUNTY:430321", new int[]{0, 3, 41}, new long[]{1, 150_000, -7}),
                new Contribution.ScopeAmounts("CITY:430300", new int[]{0}, new long[]{1}),
                new Contribution.ScopeAmounts("PROVINCE:430000", new int[]{2}, new long[]{Long.MAX_VALUE}),
                new Contribution.ScopeAmounts("COUNTY:043", new int[]{1}, new long[]{Long.MIN_VALUE})));

        Contribution read = Contribution.fromBytes(written.toBytes());

        assertThat(read.eventId()).isEqualTo("5c0be000-0000-8000-8000-000000000001");
        assertThat(read.occurredAtMillis()).isEqualTo(1_741_572_000_000L);
        assertThat(read.month()).isEqualTo("2025-03");
        assertThat(read.scopes()).extracting(Contribution.ScopeAmounts::scope).containsExactly("INSTITUTION:430321H0001",
                "ALLIANCE:CC-430321", "COUNTY:430321", "CITY:430300", "PROVINCE:430000", "COUNTY:043");
        for (int i = 0; i < written.scopes().size(); i++) {
            assertThat(read.scopes().get(i).measures()).containsExactly(written.scopes().get(i).measures());
            assertThat(read.scopes().get(i).amounts()).containsExactly(written.scopes().get(i).amounts());
        }
    }

    @Test
    void an_id_that_is_not_a_canonical_uuid_is_kept_as_text() {
        for (String id : List.of("5C0BE000-0000-8000-8000-000000000001", "visit-17", "")) {
            Contribution written = new Contribution(id, 0, "2025-12", List.of());
            assertThat(Contribution.fromBytes(written.toBytes()).eventId()).isEqualTo(id);
            assertThat(Contribution.fromBytes(written.toBytes()).month()).isEqualTo("2025-12");
        }
    }

    @Test
    void a_visit_of_five_scopes_with_one_amount_vector_fits_in_a_few_dozen_bytes() {
        int[] measures = {0, 1, 2};
        long[] amounts = {1, 1, 2_000};
        Contribution visit = new Contribution("5c0be000-0000-8000-8000-000000000001", 1_741_572_000_000L, "2025-03", List.of(
                new Contribution.ScopeAmounts("INSTITUTION:430321H0001", measures, amounts),
                new Contribution.ScopeAmounts("ALLIANCE:CC-430321", measures, amounts),
                new Contribution.ScopeAmounts("COUNTY:430321", measures, amounts),
                new Contribution.ScopeAmounts("CITY:430300", measures, amounts),
                new Contribution.ScopeAmounts("PROVINCE:430000", measures, amounts)));
        // format 1 + id 17 (marker, UUID) + time 8 + month 3 (24,302 as a varint) + vector count 1
        // + the one vector 8 (size 1; measures 1 each; amounts 1, 1 and 2 for 2,000 zig-zagged) + scope count 1
        // + institution 15 (kind 1, "430321H0001" 2 + 11, vector 1) + alliance 13 (1, 2 + 9, 1) + three areas 5 each
        // (kind 1, code 3, vector 1) = 82 bytes; the former layout took 308.
        assertThat(visit.toBytes()).hasSize(82);
    }

    @Test
    void remembered_scope_keys_read_back_the_same_text_for_numeric_and_text_ids_alike() {
        // "COUNTY:430321" is written as a number, "COUNTY:0430321" (leading zero) and "ALLIANCE:430321" as text:
        // the remembered keys must keep them apart and give the same strings on every read.
        List<String> keys = List.of("COUNTY:430321", "COUNTY:0430321", "ALLIANCE:430321", "CITY:430300", "CUSTOM:x");
        List<Contribution.ScopeAmounts> scopes = keys.stream()
                .map(key -> new Contribution.ScopeAmounts(key, new int[]{0}, new long[]{1})).toList();
        byte[] bytes = new Contribution("5c0be000-0000-8000-8000-000000000002", 0, "2025-03", scopes).toBytes();

        for (int read = 0; read < 3; read++) {
            assertThat(Contribution.fromBytes(bytes).scopes()).extracting(Contribution.ScopeAmounts::scope)
                    .containsExactlyElementsOf(keys);
        }
        assertThat(new Contribution("5c0be000-0000-8000-8000-000000000002", 0, "2025-03", scopes).toBytes()).isEqualTo(bytes);
    }
}

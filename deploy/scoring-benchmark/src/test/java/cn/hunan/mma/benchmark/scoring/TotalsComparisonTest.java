package cn.hunan.mma.benchmark.scoring;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TotalsComparisonTest {

    private static final Map<String, Map<String, Long>> PLAIN = Map.of(
            "INSTITUTION:430302H0001|2025-03", Map.of("visits", 3L, "visits.charges-total", 26_051L),
            "PROVINCE:430000|2025-03", Map.of("visits", 3L));

    @Test
    void the_same_totals_agree() {
        assertThat(TotalsComparison.differences(PLAIN, Map.copyOf(PLAIN), 10)).isEmpty();
    }

    @Test
    void zero_amounts_and_keys_left_empty_count_as_absent() {
        // The scorer's store keeps a key whose amounts went back to zero (a counted visit corrected away).
        Map<String, Map<String, Long>> scorer = Map.of(
                "INSTITUTION:430302H0001|2025-03", Map.of("visits", 3L, "visits.charges-total", 26_051L, "visits.contracted", 0L),
                "PROVINCE:430000|2025-03", Map.of("visits", 3L),
                "INSTITUTION:430302H0002|2025-03", Map.of());
        assertThat(TotalsComparison.differences(PLAIN, scorer, 10)).isEmpty();
    }

    @Test
    void every_differing_amount_is_named_with_both_values() {
        Map<String, Map<String, Long>> flink = Map.of(
                "INSTITUTION:430302H0001|2025-03", Map.of("visits", 4L, "visits.charges-total", 26_051L),
                "CITY:430300|2025-03", Map.of("visits", 1L));
        assertThat(TotalsComparison.differences(PLAIN, flink, 10)).containsExactly(
                "CITY:430300|2025-03 visits: 0 vs 1",
                "INSTITUTION:430302H0001|2025-03 visits: 3 vs 4",
                "PROVINCE:430000|2025-03 visits: 3 vs 0");
    }

    @Test
    void the_list_is_cut_at_the_limit() {
        Map<String, Map<String, Long>> empty = Map.of();
        assertThat(TotalsComparison.differences(PLAIN, empty, 1)).containsExactly("INSTITUTION:430302H0001|2025-03 visits: 3 vs 0", "…");
    }

    @Test
    void sums_one_measure_over_one_scope_kind() {
        assertThat(TotalsComparison.sum(PLAIN, "INSTITUTION:", "visits.charges-total")).isEqualTo(26_051L);
        assertThat(TotalsComparison.sum(PLAIN, "PROVINCE:", "visits")).isEqualTo(3L);
    }

    @Test
    void targets_are_judged_from_the_figures() {
        ContenderResult scorer = new ContenderResult("(a)", 1_000_000, 10, 20);   // 100,000 events/s, 20 CPU-s per M
        ContenderResult flink = new ContenderResult("(c)", 1_000_000, 20, 15);    // 50,000 events/s
        assertThat(scorer.cpuSecondsPerMillion()).isEqualTo(20.0);
        assertThat(scorer.hunanYearMinutes()).isCloseTo(320e6 / 100_000 / 60, org.assertj.core.data.Offset.offset(1e-9)); // 53.3 min
        var lines = Targets.judge(scorer, flink, 120);
        assertThat(lines).extracting(line -> line.verdict().name()).containsExactly("MISS", "PASS", "PASS", "MISS");
        assertThat(lines.get(1).measured()).isEqualTo("2.00×");
    }
}

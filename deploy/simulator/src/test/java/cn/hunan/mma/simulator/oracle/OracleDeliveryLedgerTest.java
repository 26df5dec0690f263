package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.contract.ContractRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cn.hunan.mma.simulator.oracle.Events.discharge;
import static org.assertj.core.api.Assertions.assertThat;

/** The dedupe and correction rules on their own, over every arrival order. */
class OracleDeliveryLedgerTest {

    @Test
    void in_every_arrival_order_only_the_newest_of_a_chain_counts() {
        Map<String, ContractRecord> chain = new LinkedHashMap<>();
        chain.put("original", discharge("original").build());
        chain.put("first correction", discharge("first correction").correcting("original").build());
        chain.put("second correction", discharge("second correction").correcting("first correction").build());

        for (List<String> order : permutations(new ArrayList<>(chain.keySet()))) {
            Outcome outcome = deliver(chain, order);
            assertThat(outcome.stillCounting).as("counting after %s", order).containsExactly("second correction");
            assertThat(outcome.countedThenRetracted())
                    .as("every record counted on arrival is either still counting or taken out again, for %s", order)
                    .containsExactly("second correction");
        }
    }

    @Test
    void two_corrections_of_the_same_record_both_count_and_are_reported() {
        Map<String, ContractRecord> fork = new LinkedHashMap<>();
        fork.put("original", discharge("original").build());
        fork.put("correction A", discharge("correction A").correcting("original").build());
        fork.put("correction B", discharge("correction B").correcting("original").build());

        for (List<String> order : permutations(new ArrayList<>(fork.keySet()))) {
            Outcome outcome = deliver(fork, order);
            assertThat(outcome.stillCounting).as("counting after %s", order).containsExactly("correction A", "correction B");
            assertThat(outcome.stats.namedMoreThanOnce()).isEqualTo(1);
        }
    }

    @Test
    void records_correcting_each_other_both_stop_counting() {
        Map<String, ContractRecord> cycle = new LinkedHashMap<>();
        cycle.put("X", discharge("X").correcting("Y").build());
        cycle.put("Y", discharge("Y").correcting("X").build());

        assertThat(deliver(cycle, List.of("X", "Y")).stillCounting).isEmpty();
        assertThat(deliver(cycle, List.of("Y", "X")).stillCounting).isEmpty();
    }

    @Test
    void a_record_naming_itself_is_not_a_correction() {
        Map<String, ContractRecord> self = Map.of("S", discharge("S").correcting("S").build());

        Outcome outcome = deliver(self, List.of("S"));

        assertThat(outcome.stillCounting).containsExactly("S");
        assertThat(outcome.stats.selfCorrections()).isEqualTo(1);
        assertThat(outcome.stats.corrections()).isZero();
    }

    @Test
    void a_correction_whose_original_never_arrives_counts_and_is_reported() {
        Map<String, ContractRecord> orphan = Map.of("late fix", discharge("late fix").correcting("lost").build());

        Outcome outcome = deliver(orphan, List.of("late fix"));

        assertThat(outcome.stillCounting).containsExactly("late fix");
        assertThat(outcome.stats.correctedButNeverDelivered()).isEqualTo(1);
    }

    @Test
    void referral_events_cannot_be_replaced() {
        ContractRecord accepted = Referrals.referral("R1").accepted("2025-03-01T09:00");
        Map<String, ContractRecord> records = Map.of(
                "accepted", accepted,
                "stray correction", discharge("stray correction").correcting(accepted.eventId()).build());

        assertThat(deliver(records, List.of("accepted", "stray correction")).stillCounting)
                .containsExactly("accepted", "stray correction");
        assertThat(deliver(records, List.of("stray correction", "accepted")).stillCounting)
                .containsExactly("accepted", "stray correction");
    }

    private record Outcome(Set<String> stillCounting, Set<String> countedOnArrival, Set<String> retracted, DeliveryStats stats) {
        Set<String> countedThenRetracted() {
            Set<String> left = new TreeSet<>(countedOnArrival);
            left.removeAll(retracted);
            return left;
        }
    }

    private static Outcome deliver(Map<String, ContractRecord> records, List<String> order) {
        DeliveryStats stats = new DeliveryStats();
        DeliveryLedger ledger = new DeliveryLedger(stats);
        Map<String, Integer> indexes = new HashMap<>();
        Map<Long, String> lineLabels = new HashMap<>();
        Set<String> countedOnArrival = new TreeSet<>();
        long line = 0;
        for (String label : order) {
            line++;
            lineLabels.put(line, label);
            if (ledger.admit(records.get(label), line, label.hashCode()) == DeliveryLedger.Admission.COUNT) {
                countedOnArrival.add(label);
            }
            indexes.put(label, ledger.lastIndex());
        }
        ledger.finish();
        Set<String> stillCounting = new TreeSet<>();
        indexes.forEach((label, index) -> {
            if (ledger.counts(index)) {
                stillCounting.add(label);
            }
        });
        Set<String> retracted = new TreeSet<>();
        for (long retractedLine : ledger.linesToRetract()) {
            retracted.add(lineLabels.get(retractedLine));
        }
        return new Outcome(stillCounting, countedOnArrival, retracted, stats);
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(List.copyOf(items));
        }
        List<List<String>> all = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}

package cn.hunan.mma.settlement.service;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The split for the lock table, against a stand-in for the batch's transaction: more than two discharges overflow the
 * lock table, a discharge named "bad" fails its part's transaction, one named "outage" meets a deadlock. The real
 * transaction and the real 53200 are in {@code ConcurrentEpisodeBatchesTest}.
 */
class FittingBatchesTest {

    private final List<List<String>> committed = new ArrayList<>();

    private final Function<List<String>, Uni<CaseSettlementService.BatchResult>> transaction = part -> {
        if (part.size() > 2) {
            return Uni.createFrom().failure(new PgException("out of shared memory", "ERROR", "53200", null));
        }
        if (part.contains("bad")) {
            return Uni.createFrom().failure(new IllegalStateException("a write the database refused"));
        }
        if (part.contains("outage")) {
            return Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", null));
        }
        committed.add(List.copyOf(part));
        return Uni.createFrom().item(new CaseSettlementService.BatchResult(part.size(), Map.of()));
    };

    @Test
    void a_batch_beyond_the_lock_table_is_settled_in_halves() {
        CaseSettlementService.BatchResult result = settle(List.of("a", "b", "c", "d", "e"));

        assertThat(committed).containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e"));
        assertThat(result.settled()).isEqualTo(5);
        assertThat(result.refused()).isEmpty();
    }

    /** Before 2026-11-25 (5) the whole batch was nacked, and a, b — settled and committed — reached the DLT too. */
    @Test
    void once_a_first_half_committed_the_second_halfs_failure_refuses_that_half_alone() {
        CaseSettlementService.BatchResult result = settle(List.of("a", "b", "c", "bad"));

        assertThat(committed).containsExactly(List.of("a", "b"));
        assertThat(result.settled()).isEqualTo(2);
        assertThat(result.refused()).containsOnlyKeys(2, 3);
        assertThat(result.refused().get(3)).hasMessageContaining("a write the database refused");
    }

    @Test
    void a_failure_before_anything_committed_fails_the_batch_and_an_outage_fails_it_to_be_settled_again() {
        assertThatThrownBy(() -> settle(List.of("bad", "a", "b", "c"))).hasMessageContaining("a write the database refused");
        assertThat(committed).isEmpty();

        // The outer retry (DatabaseOutages) settles the whole batch again; the committed half is then skipped as settled.
        assertThatThrownBy(() -> settle(List.of("a", "b", "c", "outage"))).hasMessageContaining("deadlock");
        assertThat(committed).containsExactly(List.of("a", "b"));
    }

    private CaseSettlementService.BatchResult settle(List<String> batch) {
        return FittingBatches.settle(batch, transaction).await().indefinitely();
    }
}

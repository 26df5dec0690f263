package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.messaging.DatabaseOutages;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch is settled again while its conflicts in the one-standing-version index are races (the other batch has
 * committed by the next attempt), and fails for good — to be dead-lettered, the partition moving on — once the same
 * conflict comes back on five attempts in a row. Retried through the consumer's own {@link DatabaseOutages#retried}.
 */
class RepeatedConflictsTest {

    @Test
    void a_conflict_that_ends_is_retried_until_the_batch_is_settled() {
        AtomicInteger attempts = new AtomicInteger();

        String settled = DatabaseOutages.retried(new RepeatedConflicts().bounded(() -> attempts.incrementAndGet() <= 2
                ? Uni.createFrom().failure(new StandingVersionConflict("race"))
                : Uni.createFrom().item("settled")), "settling a batch").await().atMost(Duration.ofSeconds(30));

        assertThat(settled).isEqualTo("settled");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void the_same_conflict_on_five_attempts_in_a_row_fails_the_batch_for_good() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DatabaseOutages.retried(new RepeatedConflicts().bounded(() -> {
            attempts.incrementAndGet();
            // As FittingBatches or Mutiny may hand it on: wrapped.
            return Uni.createFrom().<String>failure(new RuntimeException(new StandingVersionConflict("stays [X]")));
        }), "settling a batch").await().atMost(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on 5 attempts in a row").hasMessageContaining("stays [X]");
        assertThat(attempts).hasValue(5);
        assertThat(DatabaseOutages.isTransient(new IllegalStateException("x"))).isFalse();
    }
}

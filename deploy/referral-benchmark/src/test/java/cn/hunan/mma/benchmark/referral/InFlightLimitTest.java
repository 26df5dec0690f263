package cn.hunan.mma.benchmark.referral;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightLimitTest {

    @Test
    void calls_beyond_the_limit_wait_and_start_in_order_as_earlier_ones_end() {
        InFlightLimit limit = new InFlightLimit(2, Duration.ofMinutes(1));
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(limit.submit(() -> {
                CompletableFuture<Integer> call = new CompletableFuture<>();
                started.add(call);
                return call;
            }));
        }
        assertThat(started).hasSize(2);
        assertThat(limit.inFlight()).isEqualTo(2);

        started.get(0).complete(0);
        assertThat(results.get(0)).isCompletedWithValue(0);
        assertThat(started).hasSize(3);

        started.get(2).completeExceptionally(new IllegalStateException("refused"));
        assertThat(results.get(2)).isCompletedExceptionally();
        assertThat(started).hasSize(4);

        started.get(1).complete(1);
        started.get(3).complete(3);
        started.get(4).complete(4);
        assertThat(results).allSatisfy(result -> assertThat(result).isDone());
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void a_call_that_waited_longer_than_the_timeout_is_never_sent() {
        InFlightLimit limit = new InFlightLimit(1, Duration.ZERO);
        CompletableFuture<Integer> first = new CompletableFuture<>();
        List<Integer> sent = new ArrayList<>();
        limit.submit(() -> first);
        CompletableFuture<Integer> late = limit.submit(() -> {
            sent.add(2);
            return CompletableFuture.completedFuture(2);
        });

        first.complete(1);

        assertThat(sent).isEmpty();
        assertThat(late).isCompletedExceptionally();
        assertThat(limit.inFlight()).isZero();
    }
}

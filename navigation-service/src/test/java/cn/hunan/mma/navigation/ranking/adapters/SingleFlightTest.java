package cn.hunan.mma.navigation.ranking.adapters;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs are driven by hand through a queue standing in for the loader thread. */
class SingleFlightTest {

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private int runs;
    private Runnable duringRun = () -> { };
    private final SingleFlight flight = new SingleFlight(queued::add, () -> {
        runs++;
        duringRun.run();
    });

    @Test
    void requests_before_a_run_starts_share_it() {
        CompletableFuture<Void> first = flight.request();
        CompletableFuture<Void> second = flight.request();

        assertThat(queued).hasSize(1);
        assertThat(second).isSameAs(first);
        queued.poll().run();
        assertThat(runs).isEqualTo(1);
        assertThat(first).isCompleted();
        assertThat(queued).isEmpty();
    }

    @Test
    void requests_during_a_run_are_served_by_one_more_run_after_it() {
        CompletableFuture<?>[] madeDuringRun = new CompletableFuture<?>[3];
        duringRun = () -> {
            for (int i = 0; i < madeDuringRun.length; i++) {
                madeDuringRun[i] = flight.request();
            }
            duringRun = () -> { };
        };
        CompletableFuture<Void> before = flight.request();

        queued.poll().run();

        assertThat(before).isCompleted();
        assertThat(madeDuringRun[0]).isNotCompleted();
        assertThat(madeDuringRun[2]).isSameAs(madeDuringRun[0]);
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(madeDuringRun[0]).isCompleted();
        assertThat(runs).isEqualTo(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void a_failing_run_still_answers_its_requests_and_lets_the_next_one_run() {
        duringRun = () -> {
            throw new IllegalStateException("database down");
        };
        CompletableFuture<Void> failed = flight.request();
        try {
            queued.poll().run();
        } catch (IllegalStateException expected) {
            // the executor would log it
        }
        duringRun = () -> { };

        CompletableFuture<Void> next = flight.request();

        assertThat(failed).isCompleted();
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(next).isCompleted();
    }
}

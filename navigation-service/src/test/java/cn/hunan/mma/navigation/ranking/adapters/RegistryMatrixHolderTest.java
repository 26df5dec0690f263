package cn.hunan.mma.navigation.ranking.adapters;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failed start-up load is retried soon, not only by the (hourly here) refresh timer. */
class RegistryMatrixHolderTest {

    @Test
    void a_failed_first_load_is_retried_within_seconds() {
        FlakyLoader loader = new FlakyLoader(1);
        RegistryMatrixHolder holder = new RegistryMatrixHolder(loader, settings(Duration.ofHours(1)));
        try {
            holder.loadAtStart(null);

            await().atMost(Duration.ofSeconds(15)).until(holder::loaded);
            assertThat(loader.calls.get()).isEqualTo(2);
            assertThat(holder.current()).isPresent();
        } finally {
            holder.stop(null);
        }
    }

    @Test
    void the_retries_back_off_while_the_load_keeps_failing() {
        FlakyLoader loader = new FlakyLoader(Integer.MAX_VALUE);
        RegistryMatrixHolder holder = new RegistryMatrixHolder(loader, settings(Duration.ofHours(1)));
        try {
            holder.loadAtStart(null);

            // First retry 2 s after the failed load, the next 4 s after that one. The gaps are measured between the
            // loads themselves, which a busy machine can only delay: a fixed wait and a count afterwards raced the
            // third attempt (1 s of margin) whenever the test thread was held up.
            await().atMost(Duration.ofSeconds(30)).until(() -> loader.calls.get() >= 3);
            List<Long> started = loader.startedAt;
            assertThat(Duration.ofNanos(started.get(1) - started.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(started.get(2) - started.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(holder.loaded()).isFalse();
        } finally {
            holder.stop(null);
        }
    }

    /** Fails its first {@code failures} loads, then answers an empty snapshot. */
    private static final class FlakyLoader extends RegistryMatrixLoader {

        private final int failures;
        final AtomicInteger calls = new AtomicInteger();
        /** {@link System#nanoTime()} at the start of each load. */
        final List<Long> startedAt = new CopyOnWriteArrayList<>();

        FlakyLoader(int failures) {
            super(null, settings(Duration.ofHours(1)));
            this.failures = failures;
        }

        @Override
        public RegistryMatrixView load() throws SQLException {
            startedAt.add(System.nanoTime());
            if (calls.incrementAndGet() <= failures) {
                throw new SQLException("database not reachable yet");
            }
            return new RegistryMatrixView(List.of(), List.of(), List.of(), Map.of());
        }
    }

    private static NavigationSettings settings(Duration refreshEvery) {
        return new NavigationSettings() {
            @Override
            public Duration matrixRefreshEvery() {
                return refreshEvery;
            }

            @Override
            public int slotHorizonDays() {
                return 7;
            }

            @Override
            public Map<String, List<String>> treating() {
                return Map.of();
            }

            @Override
            public PublicRateLimit publicRateLimit() {
                throw new UnsupportedOperationException();
            }

            @Override
            public CapacityReadiness capacityReadiness() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean fastRoute() {
                return true;
            }

            @Override
            public Duration capacityStaleAfter() {
                return Duration.ofHours(1);
            }
        };
    }
}

package cn.hunan.mma.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Optional<OutboxRelayMetrics>> relay = new AtomicReference<>(Optional.empty());
    private final Supplier<Optional<OutboxRelayMetrics>> scraped = relay::get;   // referenced: the meters hold it weakly

    @Test
    void the_meters_read_the_relay_at_each_scrape() {
        OutboxRelayMeters.bind(scraped, registry);

        assertThat(registry.get(OutboxRelayMeters.RUNNING).gauge().value()).isZero();
        assertThat(registry.get(OutboxRelayMeters.RELAYED).functionCounter().count()).isZero();
        assertThat(registry.get(OutboxRelayMeters.LAG).gauge().value()).isNaN();
        assertThat(registry.get(OutboxRelayMeters.LOST_SLOTS).functionCounter().count()).isZero();
        assertThat(registry.get(OutboxRelayMeters.SLOT_CHECKS_FAILED).functionCounter().count()).isZero();

        relay.set(Optional.of(metrics(true, 42, Duration.ofMillis(250), 2, 3)));

        assertThat(registry.get(OutboxRelayMeters.RUNNING).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(OutboxRelayMeters.RELAYED).functionCounter().count()).isEqualTo(42.0);
        assertThat(registry.get(OutboxRelayMeters.LAG).gauge().value()).isEqualTo(0.25);
        assertThat(registry.get(OutboxRelayMeters.LOST_SLOTS).functionCounter().count()).isEqualTo(2.0);
        assertThat(registry.get(OutboxRelayMeters.SLOT_CHECKS_FAILED).functionCounter().count()).isEqualTo(3.0);
    }

    @Test
    void a_relay_that_failed_reads_as_not_running() {
        OutboxRelayMeters.bind(scraped, registry);
        relay.set(Optional.of(metrics(false, 7, null, 0, 0)));

        assertThat(registry.get(OutboxRelayMeters.RUNNING).gauge().value()).isZero();
        assertThat(registry.get(OutboxRelayMeters.RELAYED).functionCounter().count()).isEqualTo(7.0);
        assertThat(registry.get(OutboxRelayMeters.LAG).gauge().value()).isNaN();
    }

    private static OutboxRelayMetrics metrics(boolean running, long relayed, Duration lag, long lostSlots,
                                              long failedChecks) {
        return new OutboxRelayMetrics() {
            @Override
            public long eventsRelayed() {
                return relayed;
            }

            @Override
            public Optional<Duration> lastCommitToSendLag() {
                return Optional.ofNullable(lag);
            }

            @Override
            public long lostSlotsReplaced() {
                return lostSlots;
            }

            @Override
            public long slotChecksFailed() {
                return failedChecks;
            }

            @Override
            public boolean running() {
                return running;
            }
        };
    }
}

package cn.hunan.mma.platform.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outbox relay on {@code /q/metrics}, beside its health checks, for what operations alert on: events waiting in
 * the outbox. {@code mma_outbox_relay_running} is 1 while the relay streams; {@code mma_outbox_events_relayed_total}
 * counts events Kafka acknowledged (from 0 again after a restart, which Prometheus reads as a counter reset);
 * {@code mma_outbox_commit_to_send_lag_seconds} is the last relayed event's time from its commit to Kafka's
 * acknowledgement (NaN until the first); {@code mma_outbox_lost_slots_replaced_total} counts replication slots
 * PostgreSQL invalidated under the relay (its WAL limit was too small; alert on any);
 * {@code mma_outbox_slot_checks_failed_total} counts checks of the slot that could not reach the database. Nothing is registered where the
 * relay is disabled.
 */
@ApplicationScoped
public class OutboxRelayMeters {

    static final String RUNNING = "mma.outbox.relay.running";
    static final String RELAYED = "mma.outbox.events.relayed";
    static final String LAG = "mma.outbox.commit.to.send.lag";
    static final String LOST_SLOTS = "mma.outbox.lost.slots.replaced";
    static final String SLOT_CHECKS_FAILED = "mma.outbox.slot.checks.failed";

    // Micrometer holds a meter's state object weakly: a supplier no one else referenced would be collected, and the
    // meters would read NaN. This bean lives as long as the application.
    private Supplier<Optional<OutboxRelayMetrics>> relay;

    void register(@Observes StartupEvent event, OutboxRelayLifecycle lifecycle, MeterRegistry registry) {
        if (lifecycle.enabled()) {
            relay = lifecycle::metrics;
            bind(relay, registry);
        }
    }

    /**
     * @param relay the running relay's metrics, read at each scrape (empty while it is stopped); the caller keeps it
     *              referenced for as long as the meters are read
     */
    static void bind(Supplier<Optional<OutboxRelayMetrics>> relay, MeterRegistry registry) {
        Gauge.builder(RUNNING, relay, metrics -> metrics.get().map(running -> running.running() ? 1.0 : 0.0).orElse(0.0))
                .description("1 while the outbox relay streams committed events to Kafka").register(registry);
        FunctionCounter.builder(RELAYED, relay, metrics -> metrics.get().map(running -> (double) running.eventsRelayed()).orElse(0.0))
                .description("outbox events acknowledged by Kafka since the relay started").register(registry);
        FunctionCounter.builder(LOST_SLOTS, relay, metrics -> metrics.get().map(running -> (double) running.lostSlotsReplaced()).orElse(0.0))
                .description("replication slots PostgreSQL invalidated under the relay, replaced and their events sent from the table")
                .register(registry);
        FunctionCounter.builder(SLOT_CHECKS_FAILED, relay, metrics -> metrics.get().map(running -> (double) running.slotChecksFailed()).orElse(0.0))
                .description("checks of the replication slot that could not reach the database (the engine streams on)")
                .register(registry);
        Gauge.builder(LAG, relay, metrics -> metrics.get().flatMap(OutboxRelayMetrics::lastCommitToSendLag)
                        .map(OutboxRelayMeters::seconds).orElse(Double.NaN))
                .baseUnit("seconds").description("the last relayed event's time from its commit to Kafka's acknowledgement")
                .register(registry);
    }

    private static double seconds(Duration lag) {
        return lag.toNanos() / 1e9;
    }
}

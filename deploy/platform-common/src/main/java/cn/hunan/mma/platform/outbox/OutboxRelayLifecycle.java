package cn.hunan.mma.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Runs the service's {@link OutboxRelay} for the life of the application when
 * {@code mma.outbox.enabled=true}. Starting blocks the start-up event on purpose: Quarkus opens the
 * HTTP port only after start-up observers return, so no request can write an outbox row before the
 * replication slot exists. Flyway has migrated the outbox table by then.
 */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLifecycle.class);

    private final OutboxConfig config;
    private final Config allKeys;
    private volatile OutboxRelay relay;

    OutboxRelayLifecycle(OutboxConfig config, Config allKeys) {
        this.config = config;
        this.allKeys = allKeys;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.debug("Outbox relay disabled (mma.outbox.enabled=false)");
            return;
        }
        OutboxRelay starting = new OutboxRelay(
                OutboxSettingsResolver.resolve(config, key -> allKeys.getOptionalValue(key, String.class)));
        starting.start();
        relay = starting;
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxRelay running = relay;
        if (running != null) {
            running.close();
            relay = null;
        }
    }

    /** The running relay's metrics; empty when the relay is disabled or stopped. */
    public Optional<OutboxRelayMetrics> metrics() {
        OutboxRelay running = relay;
        return running == null ? Optional.empty() : Optional.of(running.metrics());
    }

    public boolean enabled() {
        return config.enabled();
    }
}

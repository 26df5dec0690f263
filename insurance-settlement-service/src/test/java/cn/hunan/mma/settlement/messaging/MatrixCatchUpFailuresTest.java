package cn.hunan.mma.settlement.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waiting thread's ways out when the matrix cannot be read: settlement must not stay paused for good because the
 * wait failed, and must not open on shutdown. No broker: the brokers' names do not resolve, as while a cluster's DNS
 * is not up yet. The channel copies are stand-ins for SmallRye's pausable decorators ({@code inpatient$1..$3}).
 */
class MatrixCatchUpFailuresTest {

    private static final List<String> MATRIX = List.of("institutions", "alliances");

    private final Map<String, Copy> copies = Map.of("inpatient$1", new Copy(), "inpatient$2", new Copy(), "inpatient$3", new Copy());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MatrixCatchUp catchUp;

    @AfterEach
    void stop() {
        if (catchUp != null) {
            catchUp.stop(null);
        }
    }

    @Test
    void brokers_that_cannot_be_reached_hold_the_channel_for_max_wait_then_open_it() {
        catchUp = catchUp(config(true), Duration.ofSeconds(2));
        long started = System.nanoTime();

        catchUp.start(null);

        await("held while the wait lasts").during(Duration.ofSeconds(1)).atMost(Duration.ofMillis(1_900))
                .until(() -> copies.values().stream().allMatch(copy -> copy.paused));
        await("opened after max-wait").atMost(Duration.ofSeconds(10)).until(() -> copies.values().stream().noneMatch(copy -> copy.paused));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(meters.get("mma.settlement.matrix.unread").gauge().value()).isZero();
    }

    @Test
    void a_failure_before_the_wait_opens_the_channel_at_once() {
        // A matrix channel without its topic: reading the sources fails before any wait.
        catchUp = catchUp(config(false), Duration.ofMinutes(15));

        catchUp.start(null);

        await("opened though the wait failed").atMost(Duration.ofSeconds(5)).until(() -> copies.values().stream().noneMatch(copy -> copy.paused));
    }

    @Test
    void a_shutdown_during_the_wait_leaves_the_channel_paused() {
        catchUp = catchUp(config(true), Duration.ofMinutes(15));
        catchUp.start(null);

        catchUp.stop(null);

        await("still paused after the shutdown").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> copies.values().stream().allMatch(copy -> copy.paused));
    }

    private MatrixCatchUp catchUp(Config config, Duration maxWait) {
        return new MatrixCatchUp(registry(), Map.of("bootstrap.servers", "no-such-broker.invalid:9092"), config, meters, MATRIX,
                maxWait, Duration.ofMillis(100));
    }

    private static Config config(boolean withTopics) {
        Map<String, String> values = new HashMap<>();
        values.put("mp.messaging.incoming.inpatient.concurrency", "3");
        for (String channel : MATRIX) {
            values.put("mp.messaging.incoming." + channel + ".group.id", "settlement-" + channel);
            if (withTopics) {
                values.put("mp.messaging.incoming." + channel + ".topic", "mma.matrix." + channel);
            }
        }
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }

    /** A registry that knows only the pausable copies; the catch-up asks it for nothing else. */
    private ChannelRegistry registry() {
        return (ChannelRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ChannelRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPausable")) {
                        return copies.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class Copy implements PausableChannel {
        volatile boolean paused = true;

        @Override
        public boolean isPaused() {
            return paused;
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }
    }
}

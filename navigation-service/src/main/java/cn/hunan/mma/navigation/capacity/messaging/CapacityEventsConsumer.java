package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.navigation.capacity.ApplyOutcome;
import cn.hunan.mma.navigation.capacity.CapacityView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Feeds the capacity topic into the live view and counts what each event did
 * ({@value #APPLIED_METRIC}, tag {@code outcome}); a record read again after a rebalance is skipped
 * ({@link PartitionPositions}). Records the contract rejects never get here:
 * SmallRye sends them to the dead-letter topic (platform-common's {@code ContractRecordRejections}).
 */
@ApplicationScoped
public class CapacityEventsConsumer {

    /** The channel in application.properties. */
    public static final String CHANNEL = "capacity";
    static final String APPLIED_METRIC = "mma.capacity.events.applied";

    private final CapacityView view;
    private final Map<ApplyOutcome, Counter> outcomes = new EnumMap<>(ApplyOutcome.class);
    private final PartitionPositions positions = new PartitionPositions();

    public CapacityEventsConsumer(CapacityView view, MeterRegistry registry) {
        this.view = view;
        for (ApplyOutcome outcome : ApplyOutcome.values()) {
            outcomes.put(outcome, Counter.builder(APPLIED_METRIC)
                    .description("Capacity events consumed, by what the live view did with them")
                    .tag("outcome", outcome.name())
                    .register(registry));
        }
    }

    // Applying is a short in-memory update under a per-department lock, so it runs on the
    // connector's event-loop context rather than a worker pool: ordering per partition is kept for
    // free. @NonBlocking is needed for that: Quarkus treats a void method as blocking and, without
    // it, handed every event to a worker thread and back (the benchmark's profile: apply on
    // executor threads, context propagation on the consumer thread for each of 1,000 events/s).
    @Incoming(CHANNEL)
    @NonBlocking
    public CompletionStage<Void> apply(Message<CapacityEvent> message) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        boolean replayed = kafka.isPresent()
                && !positions.advance(kafka.get().getTopic(), kafka.get().getPartition(), kafka.get().getOffset());
        ApplyOutcome outcome;
        if (replayed) {
            outcome = ApplyOutcome.REPLAYED;
        } else if (kafka.isPresent()) {
            // When the record reached the broker, not its occurredAt: the feed's liveness (FeedLiveness).
            outcome = view.apply(message.getPayload(), kafka.get().getTimestamp().toEpochMilli());
        } else {
            outcome = view.apply(message.getPayload());
        }
        outcomes.get(outcome).increment();
        return message.ack();
    }
}

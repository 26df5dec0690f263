package cn.hunan.mma.navigation.capacity.messaging;

import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.navigation.capacity.CatchUp;
import cn.hunan.mma.navigation.ranking.adapters.NavigationSettings;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not ready until the live view has been rebuilt: the capacity consumer must have read every
 * partition up to the end offsets the topic had when this instance first looked (its start), or
 * the API would answer from a half-replayed view. Positions are the consumer's fetch positions:
 * records fetched are applied on the connector's thread within milliseconds. Once caught up the
 * check stays up — later lag is freshness, which every figure reports itself.
 * {@code mma.navigation.capacity-readiness.enabled=false} turns the wait off (tests whose first
 * probe comes before the consumer has even joined).
 */
@Readiness
@ApplicationScoped
public class CapacityRebuildReadiness implements AsyncHealthCheck {

    private static final String NAME = "capacity-view-rebuild";

    private final KafkaClientService clients;
    private final boolean enabled;
    private final AtomicReference<Map<Integer, Long>> endAtStart = new AtomicReference<>();
    private volatile boolean rebuilt;

    public CapacityRebuildReadiness(KafkaClientService clients, NavigationSettings settings) {
        this.clients = clients;
        this.enabled = settings.capacityReadiness().enabled();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!enabled || rebuilt) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).withData("enabled", enabled).up().build());
        }
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(CapacityEventsConsumer.CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).withData("state", "consumer not started").down().build());
        }
        return consumer.runOnPollingThread(this::catchUp).map(catchUp -> {
            rebuilt = catchUp.caughtUp();
            return HealthCheckResponse.named(NAME).status(rebuilt)
                    .withData("recordsBehind", catchUp.behind().values().stream().mapToLong(Long::longValue).sum())
                    .build();
        });
    }

    // Runs on the consumer's polling thread: a Kafka consumer is not thread-safe.
    private CatchUp catchUp(Consumer<Object, Object> consumer) {
        Map<Integer, Long> target = endAtStart.updateAndGet(known -> known != null ? known : endOffsets(consumer));
        Set<TopicPartition> assigned = consumer.assignment();
        Map<Integer, Long> positions = new HashMap<>();
        assigned.forEach(partition -> positions.put(partition.partition(), consumer.position(partition)));
        return new CatchUp(target, positions);
    }

    private static Map<Integer, Long> endOffsets(Consumer<Object, Object> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAPACITY.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }
}

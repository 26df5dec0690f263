package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.scoring.rest.ScoreQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the scores topic and the surplus-projections topic from their ends (the page loads the
 * current state through the HTTP API, then follows changes) and hands each change to the
 * {@link LiveHub}. One consumer without a group per instance: every instance pushes every change
 * to its own clients. {@code read_committed}, so scores of an aborted scorer transaction are never
 * shown. A topic that appears after start (the surplus projection is deployed separately) is
 * picked up within 10 s and read from its beginning, since everything on it is new to us.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(10);

    private final LiveHub hub;
    private final LiveSettings settings;
    private final ScoreQueries queries;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public LiveFeed(LiveHub hub, LiveSettings settings, ScoreQueries queries,
                    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        this.hub = hub;
        this.settings = settings;
        this.queries = queries;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        thread = new Thread(this::run, "live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private void run() {
        LiveRecords records = new LiveRecords(ContractCodec.standard(), new ObjectMapper(), (kind, id) -> {
            try {
                return queries.placesOf(kind, id);
            } catch (RuntimeException e) {
                // The scorer is not RUNNING (its matrix stores are closed): the change is dropped;
                // pages reload everything on connect, so nothing is lost for good.
                return Optional.empty();
            }
        }, settings.maxSurplusBytes());
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "factor-scoring-service-live");
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            Set<String> seen = new HashSet<>();
            boolean first = true;
            long nextCheck = 0;
            while (running) {
                if (System.nanoTime() >= nextCheck) {
                    assign(kafka, seen, first);
                    first = false;
                    nextCheck = System.nanoTime() + TOPIC_CHECK.toNanos();
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    LiveRecords.Outcome outcome = record.topic().equals(Topics.FACTOR_SCORES.name())
                            ? records.score(record.key(), record.value())
                            : records.surplus(record.key(), record.value());
                    if (outcome instanceof LiveRecords.Accepted accepted) {
                        hub.publish(accepted.update());
                    } else {
                        LOG.debugf("live feed skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                                ((LiveRecords.Skipped) outcome).reason());
                    }
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("live feed stopped; live pages get no further changes until restart", e);
        }
    }

    /** Adds the partitions of topics that exist now; those found at start are read from their end. */
    private void assign(KafkaConsumer<String, byte[]> kafka, Set<String> seen, boolean atStart) {
        Set<TopicPartition> assigned = new HashSet<>(kafka.assignment());
        Set<TopicPartition> added = new HashSet<>();
        Map<String, List<PartitionInfo>> existing = kafka.listTopics(Duration.ofSeconds(5));
        for (String topic : List.of(Topics.FACTOR_SCORES.name(), settings.surplusTopic())) {
            if (seen.contains(topic)) {
                continue;
            }
            List<PartitionInfo> partitions = existing.get(topic);
            if (partitions == null || partitions.isEmpty()) {
                continue;
            }
            seen.add(topic);
            partitions.forEach(info -> added.add(new TopicPartition(topic, info.partition())));
        }
        if (added.isEmpty()) {
            return;
        }
        assigned.addAll(added);
        kafka.assign(assigned);
        if (atStart) {
            kafka.seekToEnd(added);
        } else {
            kafka.seekToBeginning(added);
        }
        LOG.infof("live feed reads %s", added);
    }
}

package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the running scorer's global matrix stores hold the given institutions and alliances.
 *
 * <p>Why tests need it: an event is attributed with the matrix as it stands when the event is processed
 * (a global store is complete before processing only for what was on its topic at start). A test that
 * publishes the matrix and its events to an application already running races the global stream thread
 * against the stream threads; an event that wins is counted for no alliance, for good. Publishing the
 * events once the matrix is visible is what an operator does too: the matrix comes first.
 */
public final class MatrixArrival {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private MatrixArrival() {
    }

    public static void waitFor(KafkaStreams streams, Collection<String> institutionIds, Collection<String> allianceIds) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions() // the stores are not queryable until the streams are RUNNING
                .until(() -> holdsAll(streams, ScoringTopology.INSTITUTIONS_STORE, institutionIds)
                        && holdsAll(streams, ScoringTopology.ALLIANCES_STORE, allianceIds));
    }

    /**
     * Waits until the stores hold every institution and alliance the matrix topics hold now: for a matrix a test
     * does not list key by key (the simulator's). A key whose latest record is a tombstone, or a value the
     * contract serde refuses (the scorer skips those too), is not waited for.
     */
    public static void waitForTheTopics(KafkaStreams streams, String bootstrapServers) {
        waitFor(streams, liveKeys(Topics.INSTITUTIONS, bootstrapServers), liveKeys(Topics.ALLIANCES, bootstrapServers));
    }

    private static boolean holdsAll(KafkaStreams streams, String store, Collection<String> keys) {
        ReadOnlyKeyValueStore<String, Object> view = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        return keys.stream().allMatch(key -> view.get(key) != null);
    }

    /** The keys whose latest record on the topic, read from the start to its present end, is a readable value. */
    private static Set<String> liveKeys(Topic<?, ? extends ContractRecord> topic, String bootstrapServers) {
        Deserializer<? extends ContractRecord> values = topic.valueSerde(ContractCodec.standard()).deserializer();
        Map<String, Boolean> readable = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicToItsEnd.read(bootstrapServers, topic.name(), false)) {
            if (record.key() != null) {
                readable.put(record.key(), record.value() != null && decodes(values, topic, record.value()));
            }
        }
        return readable.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static boolean decodes(Deserializer<?> values, Topic<?, ?> topic, byte[] value) {
        try {
            return values.deserialize(topic.name(), value) != null;
        } catch (RuntimeException refused) {
            return false;
        }
    }
}

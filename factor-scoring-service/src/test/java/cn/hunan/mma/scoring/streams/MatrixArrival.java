package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Collection;

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

    private MatrixArrival() {
    }

    public static void waitFor(KafkaStreams streams, Collection<String> institutionIds, Collection<String> allianceIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions() // the stores are not queryable until the streams are RUNNING
                .until(() -> holdsAll(streams, ScoringTopology.INSTITUTIONS_STORE, institutionIds)
                        && holdsAll(streams, ScoringTopology.ALLIANCES_STORE, allianceIds));
    }

    private static boolean holdsAll(KafkaStreams streams, String store, Collection<String> keys) {
        ReadOnlyKeyValueStore<String, Object> view = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        return keys.stream().allMatch(key -> view.get(key) != null);
    }
}

package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a global store equal to its compacted topic (a tombstone deletes). It must do nothing else that the
 * store's readers rely on: on restore Kafka Streams writes the topic into the store without calling it.
 * For the matrix stores it also counts the changes, so the stream threads' {@link MatrixView}s know when their
 * decoded lookups are stale: counting an event then costs a map lookup rather than a decoding scan of the store.
 */
public final class GlobalStoreUpdater<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final AtomicLong changes;
    private KeyValueStore<String, V> store;

    /** An updater that only mirrors the topic. */
    public GlobalStoreUpdater(String storeName) {
        this(storeName, new AtomicLong());
    }

    /** An updater that also counts every change in {@code changes}. */
    GlobalStoreUpdater(String storeName, AtomicLong changes) {
        this.storeName = storeName;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        // After the write: a view that filled its lookups before it sees this count fills them again.
        changes.incrementAndGet();
    }
}

package cn.hunan.mma.scoring.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/** The matrix as a read-only store outside Kafka Streams: what the scorer's global stores hold, loaded from the matrix files. */
final class MapStore<V> implements ReadOnlyKeyValueStore<String, V> {

    private final NavigableMap<String, V> entries;

    private MapStore(NavigableMap<String, V> entries) {
        this.entries = entries;
    }

    static <V> MapStore<V> of(List<V> values, Function<V, String> key) {
        NavigableMap<String, V> entries = new TreeMap<>();
        values.forEach(value -> entries.put(key.apply(value), value));
        return new MapStore<>(entries);
    }

    @Override
    public V get(String key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return iterator(entries.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(entries);
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    private static <V> KeyValueIterator<String, V> iterator(NavigableMap<String, V> view) {
        Iterator<java.util.Map.Entry<String, V>> inner = view.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                java.util.Map.Entry<String, V> next = inner.next();
                return KeyValue.pair(next.getKey(), next.getValue());
            }

            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException("not needed by MatrixView");
            }
        };
    }
}

package cn.hunan.mma.navigation.capacity;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far the rebuild of the view from the capacity topic still is from the end offsets the topic
 * had when the rebuild started (the view is only complete once every partition is read that far).
 *
 * @param target    partition → end offset at start (the offset after the last record then)
 * @param positions partition → the consumer's next offset to read; an absent partition is not yet assigned
 */
public record CatchUp(Map<Integer, Long> target, Map<Integer, Long> positions) {

    public CatchUp {
        target = Map.copyOf(target);
        positions = Map.copyOf(positions);
    }

    /** Records still to read per partition (only partitions behind are listed). */
    public Map<Integer, Long> behind() {
        Map<Integer, Long> behind = new TreeMap<>();
        target.forEach((partition, end) -> {
            long position = positions.getOrDefault(partition, -1L);
            // An empty partition needs no reading, whether or not it is assigned yet.
            if (end > 0 && position < end) {
                behind.put(partition, position < 0 ? end : end - position);
            }
        });
        return behind;
    }

    public boolean caughtUp() {
        return behind().isEmpty();
    }
}

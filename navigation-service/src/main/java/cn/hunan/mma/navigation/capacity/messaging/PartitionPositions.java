package cn.hunan.mma.navigation.capacity.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the live view has read each partition of the capacity topic. The consumer commits no offsets (the view lives
 * in memory and is rebuilt at each start), so a rebalance — a broker outage past the session timeout, a poll too slow —
 * sends it back to the earliest offset; the duplicate window remembers only the last few hundred ids per department, and
 * before 2026-11-25 (4) the older events were counted a second time (helper-67). A record at or before the partition's
 * last applied offset is one the view holds already.
 */
final class PartitionPositions {

    private final Map<String, Long> lastApplied = new ConcurrentHashMap<>();

    /** Whether the record is new to the view; if so, it is now the partition's last applied. */
    boolean advance(String topic, int partition, long offset) {
        String key = topic + "/" + partition;
        Long last = lastApplied.get(key);
        if (last != null && offset <= last) {
            return false;
        }
        // One consumer thread per partition: no other writer of this key between the read and the write.
        lastApplied.put(key, offset);
        return true;
    }
}

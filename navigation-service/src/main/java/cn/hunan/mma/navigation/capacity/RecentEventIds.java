package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.value.EventId;

import java.util.Arrays;
import java.util.UUID;

/**
 * The last {@code capacity} event ids seen, oldest forgotten first. Not thread-safe: its owner
 * guards it. A duplicate older than the window is applied again; the window is sized so that
 * redeliveries (which follow the original closely) fall well inside it.
 *
 * <p>Kept as the ids' 128 bits in a {@code long[]} ring, grown on demand up to the window, and
 * searched by a plain scan (at most the window's 512 pairs). Why not a set of {@link EventId}s: at
 * 1,000 capacity events a second every id kept an entry, a record and its text alive for the whole
 * window, so they were promoted into the old generation, and linking each into the set wrote
 * references into old objects all over the heap — cards that every young collection has to scan,
 * which made those pauses the recommendations' tail latency. Writing longs marks no card, and an id
 * costs 16 bytes instead of about 130.
 */
final class RecentEventIds {

    private static final int FIRST_ROOM = 8;

    private final int capacity;
    private long[] bits;  // id i at [2i] (most significant) and [2i + 1] (least significant)
    private int size;     // ids remembered, at most capacity
    private int oldest;   // once full: the slot the next id overwrites

    RecentEventIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.bits = new long[2 * Math.min(capacity, FIRST_ROOM)];
    }

    /** Remembers the id; false if it was already remembered. */
    boolean remember(EventId id) {
        // EventId holds canonical lower-case text, so equal ids are equal bits.
        UUID uuid = UUID.fromString(id.value());
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int at = 0; at < 2 * size; at += 2) {
            if (bits[at + 1] == least && bits[at] == most) {
                return false;
            }
        }
        int slot;
        if (size < capacity) {
            if (2 * size == bits.length) {
                bits = Arrays.copyOf(bits, 2 * Math.min(capacity, 2 * size));
            }
            slot = size++;
        } else {
            slot = oldest;
            oldest = (oldest + 1) % capacity;
        }
        bits[2 * slot] = most;
        bits[2 * slot + 1] = least;
        return true;
    }
}

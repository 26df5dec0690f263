package cn.hunan.mma.simulator.oracle;

import java.util.Arrays;

/**
 * Numbers distinct keys of a fixed number of longs (a 128-bit event id, a 256-bit pseudonym)
 * densely, 0, 1, 2… in the order they are first added, so that callers keep per-key facts in
 * plain arrays. Open addressing over primitive arrays: about 24 bytes per 128-bit key, no object
 * per key, which is what lets a year of events (~12 M ids) fit comfortably. Not thread-safe.
 */
final class LongKeyIndex {

    private static final int NO_INDEX = -1;

    private final int width;
    private long[] keys;
    private int size;
    /** index + 1 of the key hashed to each slot, 0 for an empty slot; kept at most half full. */
    private int[] slots;

    LongKeyIndex(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a key has at least one long");
        }
        this.width = width;
        this.keys = new long[16 * width];
        this.slots = new int[32];
    }

    int width() {
        return width;
    }

    /** How many distinct keys were added. */
    int size() {
        return size;
    }

    /** The key's index, or -1 when it was never added. */
    int indexOf(long[] key) {
        int slot = probe(key);
        return slots[slot] == 0 ? NO_INDEX : slots[slot] - 1;
    }

    /** The key's index, numbering it first when it is new. */
    int add(long[] key) {
        int slot = probe(key);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        int index = size;
        if ((index + 1) * width > keys.length) {
            keys = Arrays.copyOf(keys, Math.multiplyExact(keys.length, 2));
        }
        System.arraycopy(key, 0, keys, index * width, width);
        slots[slot] = index + 1;
        size++;
        if (size > slots.length / 2) {
            rehash(Math.multiplyExact(slots.length, 2));
        }
        return index;
    }

    private int probe(long[] key) {
        if (key.length != width) {
            throw new IllegalArgumentException("keys of this index have " + width + " longs, not " + key.length);
        }
        int mask = slots.length - 1;
        int slot = (int) hash(key, 0) & mask;
        while (slots[slot] != 0 && !sameKey(slots[slot] - 1, key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean sameKey(int index, long[] key) {
        int offset = index * width;
        for (int i = 0; i < width; i++) {
            if (keys[offset + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int index = 0; index < size; index++) {
            int slot = (int) hash(keys, index * width) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = index + 1;
        }
        slots = grown;
    }

    /** Hashes the {@code width} longs of one key, stored in {@code source} from {@code offset}. */
    private long hash(long[] source, int offset) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < width; i++) {
            h = mix(h ^ source[offset + i]);
        }
        return h;
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the low bits used as the slot. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE53E6483L;
        h ^= h >>> 33;
        return h;
    }
}

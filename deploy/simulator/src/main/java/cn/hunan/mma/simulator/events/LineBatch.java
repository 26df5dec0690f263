package cn.hunan.mma.simulator.events;

import java.util.Arrays;

/**
 * The event lines delivered during one county-day, with their delivery second, to be put in
 * delivery order (stable: equal seconds keep insertion order) and cut into hourly slices.
 */
final class LineBatch {

    static final int HOURS = 24;

    private byte[] data = new byte[1 << 16];
    private int size;
    private long[] order = new long[1024];
    private int[] starts = new int[1024];
    private int count;

    void add(int secondOfDay, byte[] source, int from, int length) {
        if (count == order.length) {
            order = Arrays.copyOf(order, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
        }
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        System.arraycopy(source, from, data, size, length);
        starts[count] = size;
        order[count] = ((long) secondOfDay << 32) | count;
        size += length;
        count++;
    }

    int count() {
        return count;
    }

    /** Empties the batch, keeping its buffers for the next day. */
    void clear() {
        size = 0;
        count = 0;
    }

    /**
     * Copies the lines of each hour, in delivery order, into {@code slices[hour]}.
     */
    byte[][] hourlySlices() {
        Arrays.sort(order, 0, count);
        byte[][] slices = new byte[HOURS][];
        int k = 0;
        for (int hour = 0; hour < HOURS; hour++) {
            int from = k;
            int bytes = 0;
            while (k < count && (order[k] >>> 32) / 3600 == hour) {
                bytes += length((int) order[k]);
                k++;
            }
            byte[] slice = new byte[bytes];
            int at = 0;
            for (int j = from; j < k; j++) {
                int line = (int) order[j];
                int length = length(line);
                System.arraycopy(data, starts[line], slice, at, length);
                at += length;
            }
            slices[hour] = slice;
        }
        return slices;
    }

    private int length(int line) {
        return (line + 1 < count ? starts[line + 1] : size) - starts[line];
    }
}

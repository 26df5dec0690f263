package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.io.EventLine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps generated lines in memory, in output order, split into topic, key and value. */
final class CollectingSink implements EventSink {

    private final List<EventLine> lines = new ArrayList<>();

    @Override
    public void write(byte[] encoded) {
        int start = 0;
        while (start < encoded.length) {
            int end = start;
            while (encoded[end] != '\n') {
                end++;
            }
            int firstTab = indexOf(encoded, start, end);
            int secondTab = indexOf(encoded, firstTab + 1, end);
            lines.add(new EventLine(new String(encoded, start, firstTab - start, StandardCharsets.UTF_8),
                    new String(encoded, firstTab + 1, secondTab - firstTab - 1, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(encoded, secondTab + 1, end)));
            start = end + 1;
        }
    }

    List<EventLine> lines() {
        return lines;
    }

    @Override
    public void close() {
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\t') {
                return i;
            }
        }
        throw new AssertionError("line without two tabs");
    }
}

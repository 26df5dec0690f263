package cn.hunan.mma.simulator.output;

import cn.hunan.mma.simulator.io.EventFiles;

/**
 * Finds the event-file lines ({@code topic TAB key TAB value NEWLINE}) in a block of generated
 * lines without copying them, for the Kafka sink, which receives whole slices.
 */
final class EventLineScanner {

    /** Told about each complete line: positions in the block, end exclusive, newline excluded. */
    @FunctionalInterface
    interface LineHandler {
        void line(byte[] block, int start, int firstTab, int secondTab, int end);
    }

    private EventLineScanner() {
    }

    /**
     * Hands every complete line in {@code [from, to)} to the handler.
     *
     * @return where the first incomplete line starts ({@code to} when the block ends with a newline)
     */
    static int scan(byte[] block, int from, int to, LineHandler handler) {
        int start = from;
        int firstTab = -1;
        int secondTab = -1;
        for (int i = from; i < to; i++) {
            byte b = block[i];
            if (b == EventFiles.SEPARATOR) {
                if (firstTab < 0) {
                    firstTab = i;
                } else if (secondTab < 0) {
                    secondTab = i;
                }
            } else if (b == '\n') {
                if (secondTab < 0) {
                    throw new IllegalArgumentException("not an event-file line: topic TAB key TAB value");
                }
                handler.line(block, start, firstTab, secondTab, i);
                start = i + 1;
                firstTab = -1;
                secondTab = -1;
            }
        }
        return start;
    }
}
